import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Context } from '../context.ts'
import type { Lesson } from '../lessons.ts'
import { STATE_DIR } from '../progress.ts'
import { readStarter } from '../starters.ts'
import { shownPath } from '../terminal/shown-path.ts'

/** What {@link resetExercise} did. */
export type ResetOutcome = { kind: 'reset'; backup?: string } | { kind: 'unchanged' }

/**
 * Puts the lesson's pristine starter `exercise.ts` back (the copy the course ships, which no commit of
 * the learner's changes), first saving the learner's version under
 * `.proclab/backups/NN-topic/exercise.<time>.ts` so that nothing is ever lost.
 * @example const outcome = resetExercise(ctx, lesson) // { kind: 'reset', backup: '…' }
 */
export function resetExercise(ctx: Context, lesson: Lesson, now = new Date()): ResetOutcome {
  const starter = readStarter(lesson)
  if (starter === undefined) throw new Error(ctx.t('reset.noStarter', { file: relative(ctx.root, lesson.exercise), starter: relative(ctx.root, lesson.starter) }))
  const current = existsSync(lesson.exercise) ? readFileSync(lesson.exercise, 'utf8') : undefined
  if (current === starter) return { kind: 'unchanged' }
  let backup: string | undefined
  if (current !== undefined) {
    const dir = join(ctx.root, STATE_DIR, 'backups', lesson.id)
    mkdirSync(dir, { recursive: true })
    // A file-name-safe ISO time: backups sort in the order they were made.
    backup = join(dir, `exercise.${now.toISOString().replace(/[:.]/g, '-')}.ts`)
    writeFileSync(backup, current)
  }
  writeFileSync(lesson.exercise, starter)
  return { kind: 'reset', ...(backup ? { backup } : {}) }
}

/** Explains a reset to the learner. */
export function describeReset(ctx: Context, lesson: Lesson, outcome: ResetOutcome): string {
  const { t } = ctx
  if (outcome.kind === 'unchanged') return t('reset.unchanged', { number: lesson.number })
  const lines = [t('reset.done', { number: lesson.number, file: shownPath(lesson.exercise) })]
  if (outcome.backup) lines.push(t('reset.backup', { file: shownPath(outcome.backup) }))
  return lines.join('\n')
}

/** `proclab reset NN`: restores the starter and says where the learner's version went. */
export function reset(ctx: Context, lesson: Lesson): number {
  console.log(describeReset(ctx, lesson, resetExercise(ctx, lesson)))
  return 0
}
