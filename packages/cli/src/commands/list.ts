import { relative } from 'node:path'
import type { Context } from '../context.ts'
import { translated } from '../lessons.ts'
import { firstUnsolved, readProgress, type Progress } from '../progress.ts'
import { progressBar } from '../terminal/progress-bar.ts'
import { shownPath } from '../terminal/shown-path.ts'
import { displayWidth, labelled, padEnd } from '../terminal/width.ts'

/** `proclab list`: every lesson with its status, a progress bar, and what to do next. */
export function list(ctx: Context): void {
  const progress = readProgress(ctx.root)
  console.log(`${ctx.t('list.heading')}\n`)
  console.log(`${progressTable(ctx, progress)}\n`)
  console.log(nextSteps(ctx, progress))
}

/**
 * The progress bar and one line per lesson: ✓ passed, ✗ failed its last check, · not checked yet.
 * @example progressTable(ctx, readProgress(ctx.root))
 */
export function progressTable(ctx: Context, progress: Progress): string {
  const { lessons, root, t } = ctx
  const passed = lessons.filter((l) => progress.lessons[l.id]?.passed).length
  const width = Math.max(0, ...lessons.map((l) => displayWidth(l.title)))
  const rows = lessons.map((lesson) => {
    const result = progress.lessons[lesson.id]
    const mark = result === undefined ? '·' : result.passed ? '✓' : '✗'
    return `  ${mark} ${lesson.number}  ${padEnd(lesson.title, width)}  ${relative(root, lesson.dir)}`
  })
  return [`${t('list.progress', { bar: progressBar(passed, lessons.length), passed, total: lessons.length })}\n`, ...rows].join('\n')
}

/** What to do next: the first lesson not solved yet, and the commands for it. */
function nextSteps(ctx: Context, progress: Progress): string {
  const { t } = ctx
  const next = firstUnsolved(ctx.lessons, progress)
  if (!next) return t('list.allPassed')
  const steps = labelled([
    [t('list.read'), shownPath(translated(next.readme, ctx.language).file)],
    [t('list.edit'), shownPath(next.exercise)],
    [t('list.watch'), `npx proclab watch ${next.number}`],
    [t('list.check'), `npx proclab check ${next.number}`],
    [t('list.stuck'), `npx proclab hint ${next.number}`],
  ])
  return `${t('list.next', { number: next.number, title: next.title })}\n${steps}`
}
