import { existsSync, readFileSync } from 'node:fs'
import type { Context } from '../context.ts'
import { translated, type Lesson } from '../lessons.ts'
import { readProgress, writeProgress } from '../progress.ts'

/** The hints in a hints file: its sections headed `## …` (`## Hint 1`, `## 提示 1`). */
export function readHints(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split(/^## /m)
    .slice(1)
    .map((section) => `## ${section.trim()}`)
}

/** The hints revealed so far, after revealing one more. */
export interface RevealedHints {
  /** Every hint shown so far, the newest last. */
  shown: string[]
  total: number
  /** The hints are the English ones because the lesson has no translation in the learner's language yet. */
  untranslated: boolean
}

/**
 * Reveals the lesson's next hint, in the learner's language when the lesson has a translation
 * (`hints.zh-CN.md`), and remembers how far the learner got.
 * @example const { shown } = revealNextHint(ctx, lesson); console.log(shown.at(-1))
 */
export function revealNextHint(ctx: Context, lesson: Lesson): RevealedHints {
  const source = translated(lesson.hints, ctx.language)
  if (!existsSync(source.file)) throw new Error(ctx.t('hint.missing', { file: source.file }))
  const hints = readHints(source.file)
  if (hints.length === 0) throw new Error(ctx.t('hint.none', { file: source.file }))
  const progress = readProgress(ctx.root)
  const count = Math.min((progress.hints[lesson.id] ?? 0) + 1, hints.length)
  progress.hints[lesson.id] = count
  writeProgress(ctx.root, progress)
  return { shown: hints.slice(0, count), total: hints.length, untranslated: ctx.language !== 'en' && !source.isTranslation }
}

/** `proclab hint NN`: shows the hints so far plus the next one. */
export function hint(ctx: Context, lesson: Lesson): void {
  const { shown, total, untranslated } = revealNextHint(ctx, lesson)
  if (untranslated) console.log(`${ctx.t('hint.untranslated')}\n`)
  console.log(shown.join('\n\n'))
  console.log(`\n${shown.length < total ? ctx.t('hint.more', { count: total - shown.length }) : ctx.t('hint.last')}`)
}
