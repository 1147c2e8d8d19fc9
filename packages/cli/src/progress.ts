import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Lesson } from './lessons.ts'

/** The folder, at the course root, where proclab keeps what it knows about the learner. */
export const STATE_DIR = '.proclab'

/**
 * The learner's progress, kept in `.proclab/progress.json` inside their repository so that it travels
 * with git (commit it, and a fresh clone knows what you solved).
 */
export interface Progress {
  /** Lesson id → result of its last check. */
  lessons: Record<string, { passed: boolean; checkedAt: string }>
  /** Lesson id → how many hints were shown. */
  hints: Record<string, number>
}

/** Where the learner's progress is kept: `.proclab/progress.json` at the course root. */
export function progressFile(root: string): string {
  return join(root, STATE_DIR, 'progress.json')
}

/** The learner's progress; empty when there is none yet (or the file cannot be read). */
export function readProgress(root: string): Progress {
  try {
    const saved = JSON.parse(readFileSync(progressFile(root), 'utf8')) as Partial<Progress>
    return { lessons: saved.lessons ?? {}, hints: saved.hints ?? {} }
  } catch {
    return { lessons: {}, hints: {} }
  }
}

/** Saves the learner's progress, creating `.proclab/` if needed. */
export function writeProgress(root: string, progress: Progress): void {
  const file = progressFile(root)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, JSON.stringify(progress, null, 2) + '\n')
}

/** Records the result of checking one lesson. */
export function recordCheck(root: string, lessonId: string, passed: boolean): void {
  const progress = readProgress(root)
  progress.lessons[lessonId] = { passed, checkedAt: new Date().toISOString() }
  writeProgress(root, progress)
}

/** Whether the last check of the lesson passed. */
export function isSolved(progress: Progress, lesson: Lesson): boolean {
  return progress.lessons[lesson.id]?.passed === true
}

/** The first lesson whose last check did not pass (or that was never checked): where a learner carries on. */
export function firstUnsolved(lessons: Lesson[], progress: Progress): Lesson | undefined {
  return lessons.find((lesson) => !isSolved(progress, lesson))
}
