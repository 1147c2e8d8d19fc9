import { isAbsolute, relative } from 'node:path'

/**
 * A path as the learner should see it: relative to where they are when it is inside that folder
 * (`lessons/08-queue/exercise.ts`), absolute when it is elsewhere (`/tmp/results.json`).
 */
export function shownPath(file: string, from = process.cwd()): string {
  const path = relative(from, file)
  return path === '' || path.startsWith('..') || isAbsolute(path) ? file : path
}
