import { existsSync, readFileSync } from 'node:fs'
import type { Lesson } from './lessons.ts'

/**
 * The folder, inside each lesson, that ships the lesson's pristine starter (`.starter/exercise.ts`):
 * the exercise as the course made it. The learner edits and commits `exercise.ts`, never this copy,
 * so `reset` and `new --from` find the starter whatever the learner's git history holds, and even
 * without git. `dev check` proves that each copy is the shipped `exercise.ts`.
 */
export const STARTER_DIR = '.starter'

/** The lesson's pristine starter, as the course shipped it; undefined when its copy is missing. */
export function readStarter(lesson: Lesson): string | undefined {
  return existsSync(lesson.starter) ? readFileSync(lesson.starter, 'utf8') : undefined
}

/** Whether the lesson's `exercise.ts` differs from its pristine starter (a learner's or an author's edit). */
export function hasLocalChanges(lesson: Lesson): boolean {
  const starter = readStarter(lesson)
  return starter !== undefined && (!existsSync(lesson.exercise) || readFileSync(lesson.exercise, 'utf8') !== starter)
}
