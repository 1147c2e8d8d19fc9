import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Context } from '../context.ts'
import type { Lesson } from '../lessons.ts'
import { STATE_DIR } from '../progress.ts'
import { readStarter, type StarterSource } from '../starters.ts'
import { shownPath } from '../terminal/shown-path.ts'

/** What {@link resetExercise} did. */
export type ResetOutcome =
  | { kind: 'reset'; source: StarterSource; backup?: string }
  | { kind: 'unchanged' }

/**
 * Puts the lesson's starter `exercise.ts` back, first saving the learner's version under
 * `.proclab/backups/NN-topic/exercise.<time>.ts` so that nothing is ever lost.
 * @example const outcome = resetExercise(ctx, lesson) // { kind: 'reset', source: 'git', backup: '…' }
 */
export function resetExercise(ctx: Context, lesson: Lesson, now = new Date()): ResetOutcome {
  const starter = readStarter(ctx.root, lesson)
  if (!starter) throw new Error(ctx.t('reset.noStarter', { file: relative(ctx.root, lesson.exercise) }))
  const current = existsSync(lesson.exercise) ? readFileSync(lesson.exercise, 'utf8') : undefined
  if (current === starter.text) return { kind: 'unchanged' }
  let backup: string | undefined
  if (current !== undefined) {
    const dir = join(ctx.root, STATE_DIR, 'backups', lesson.id)
    mkdirSync(dir, { recursive: true })
    // A file-name-safe ISO time: backups sort in the order they were made.
    backup = join(dir, `exercise.${now.toISOString().replace(/[:.]/g, '-')}.ts`)
    writeFileSync(backup, current)
  }
  writeFileSync(lesson.exercise, starter.text)
  return { kind: 'reset', source: starter.source, ...(backup ? { backup } : {}) }
}

/** Explains a reset to the learner. */
export function describeReset(ctx: Context, lesson: Lesson, outcome: ResetOutcome): string {
  const { t } = ctx
  if (outcome.kind === 'unchanged') return t('reset.unchanged', { number: lesson.number })
  const from = outcome.source === 'git' ? t('reset.fromGit') : t('reset.fromCopy')
  const lines = [t('reset.done', { number: lesson.number, file: shownPath(lesson.exercise), from })]
  if (outcome.backup) lines.push(t('reset.backup', { file: shownPath(outcome.backup) }))
  return lines.join('\n')
}

/** `proclab reset NN`: restores the starter and says where the learner's version went. */
export function reset(ctx: Context, lesson: Lesson): number {
  console.log(describeReset(ctx, lesson, resetExercise(ctx, lesson)))
  return 0
}
