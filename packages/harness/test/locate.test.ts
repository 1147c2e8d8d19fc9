import { describe, expect, test } from 'vitest'
import { lessonPaths, programFile, shownProgram } from '../src/locate.ts'

test.each([
  ['starter', 'lessons/08-queue/exercise.ts', 'lessons/08-queue/exercise.ts (your exercise)'],
  ['solution', 'solutions/08-queue/exercise.ts', 'solutions/08-queue/exercise.ts (solution)'],
] as const)('messages name the %s target as the learner reads it', (target, file, shown) => {
  expect(shownProgram('/course', `/course/${file}`, target)).toBe(shown)
})

describe('PROCLAB_PROGRAM', () => {
  const paths = lessonPaths('/course/lessons/08-queue/exercise.test.ts')
  test('names the program to run instead of the target, from the course root, and is shown as the program under test', () => {
    const env = { PROCLAB_PROGRAM: 'solutions/08-queue/mistakes/no-get.ts' }
    expect(() => programFile(paths, 'solution', 'exercise.ts', env)).toThrow(
      'PROCLAB_PROGRAM names solutions/08-queue/mistakes/no-get.ts, which does not exist (paths are from the course root, /course).',
    )
    expect(shownProgram('/course', '/course/solutions/08-queue/mistakes/no-get.ts', 'solution')).toBe('solutions/08-queue/mistakes/no-get.ts (program under test)')
    expect(shownProgram('/course', '/course/solutions/08-queue/exercise.ts', 'solution')).toBe('solutions/08-queue/exercise.ts (solution)')
  })
})
