import type { Context } from '../context.ts'
import { translated, type Lesson } from '../lessons.ts'
import { shownPath } from '../terminal/shown-path.ts'
import type { Style } from '../terminal/style.ts'
import { labelled } from '../terminal/width.ts'
import type { PollingReason, WatchMethod } from './watch-method.ts'

/** The top of watch mode's screen: the lesson, where to read and edit it, and how saves are noticed. */
export function watchHeader(ctx: Context, lesson: Lesson, how: { method: WatchMethod; pollingReason?: PollingReason | undefined }, style: Style): string {
  const { t } = ctx
  const position = ctx.lessons.findIndex((l) => l.id === lesson.id) + 1
  const lines = [
    style.bold(t('watch.heading', { number: lesson.number, position, total: ctx.lessons.length, title: lesson.title })),
    labelled([
      [t('list.read'), shownPath(translated(lesson.readme, ctx.language).file)],
      [t('list.edit'), shownPath(lesson.exercise)],
    ]),
  ]
  if (how.method === 'manual') lines.push(t('watch.manual'))
  else if (how.method === 'polling') lines.push(t('watch.polling', { why: pollingWhy(ctx, how.pollingReason) }))
  return `${lines.join('\n')}\n`
}

function pollingWhy({ t }: Context, reason: PollingReason | undefined): string {
  if (reason?.kind === 'wsl') return t('watch.pollingWsl')
  if (reason?.kind === 'network') return t('watch.pollingNetwork', { fsType: reason.fsType, mount: reason.mount })
  return t('watch.pollingAsked')
}

/** The reminder of the commands: single keys on a terminal, letters and Enter elsewhere. */
export function keysLine({ t }: Context, keys: boolean, style: Style): string {
  return style.dim(keys ? t('watch.keys') : t('watch.lineKeys'))
}
