import { expect, test } from 'vitest'
import { shownProgram } from '../src/locate.ts'

test.each([
  ['starter', 'lessons/08-queue/exercise.ts', 'lessons/08-queue/exercise.ts (your exercise)'],
  ['solution', 'solutions/08-queue/exercise.ts', 'solutions/08-queue/exercise.ts (solution)'],
] as const)('messages name the %s target as the learner reads it', (target, file, shown) => {
  expect(shownProgram('/course', `/course/${file}`, target)).toBe(shown)
})
