import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

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

export function progressFile(root: string): string {
  return join(root, '.proclab', 'progress.json')
}

export function readProgress(root: string): Progress {
  try {
    const saved = JSON.parse(readFileSync(progressFile(root), 'utf8')) as Partial<Progress>
    return { lessons: saved.lessons ?? {}, hints: saved.hints ?? {} }
  } catch {
    return { lessons: {}, hints: {} }
  }
}

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
