import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Context } from '../context.ts'
import type { Lesson } from '../lessons.ts'
import { isSolved, readProgress } from '../progress.ts'
import { shownPath } from '../terminal/shown-path.ts'

/** The file `proclab solution NN --write` creates beside the learner's exercise. */
export const WRITTEN_SOLUTION = 'solution.ts'

/**
 * `proclab solution NN [--write]`: shows the reference solution, but only once the learner's own
 * exercise has passed its check (reading it first would spoil the lesson). Returns an exit code.
 */
export function solution(ctx: Context, lesson: Lesson, write: boolean): number {
  const { t } = ctx
  if (!isSolved(readProgress(ctx.root), lesson)) {
    console.log(t('solution.locked', { number: lesson.number }))
    return 1
  }
  if (!existsSync(lesson.solution)) throw new Error(t('solution.missing', { file: relative(ctx.root, lesson.solution) }))
  const text = readFileSync(lesson.solution, 'utf8')
  if (write) {
    const file = join(lesson.dir, WRITTEN_SOLUTION)
    writeFileSync(file, text)
    console.log(t('solution.written', { file: shownPath(file), exercise: shownPath(lesson.exercise) }))
    return 0
  }
  console.log(`${t('solution.heading', { number: lesson.number, title: lesson.title, file: shownPath(lesson.solution) })}\n`)
  console.log(text.trimEnd())
  return 0
}
