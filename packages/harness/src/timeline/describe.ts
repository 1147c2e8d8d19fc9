import { formatDuration } from './axis.ts'
import type { LockSpan, ProcessTimeline, Span } from './model.ts'
import { timeByKind, type Band } from './bands.ts'
import type { Segment, SegmentKind } from './segments.ts'
import { harnessWords } from '../i18n/harness-messages.ts'

/** A kind of mark a legend explains. */
export type MarkKind = SegmentKind | 'lock' | 'autoJoin'

/** The kinds of mark, in the order legends list them. */
export const MARK_KINDS: readonly MarkKind[] = ['starting', 'run', 'wait', 'task', 'lock', 'autoJoin']

/** What each mark of a timeline means, for legends, in the language the environment chooses (as failures are). */
export function meanings(): Record<MarkKind, string> {
  const t = harnessWords()
  return {
    starting: t('legendStarting'),
    run: t('legendRun'),
    wait: t('legendWait'),
    task: t('legendTask'),
    lock: t('legendLock'),
    autoJoin: t('legendAutoJoin'),
  }
}

/** Whether a segment is only the join proclab makes itself at exit, which timelines draw apart from the program's own waits. */
export function isAutoJoin(segment: Segment): boolean {
  return segment.kind === 'wait' && segment.waits.every((wait) => wait.auto)
}

/** How a legend names a pool task: numbered from 1 in the order the program handed them out. */
export function taskMeaning(number: number): string {
  return harnessWords()('legendTaskNumber', { number })
}

/** What a renderer shows for a trace with no events. */
export const NO_TRACE_EVENTS = 'No trace events: nothing to draw. (Only programs that use @proclab/core are traced.)'

/** What a text timeline says instead of drawing a single process: its one row would be noise. */
export function onlyOneProcess(process: ProcessTimeline): string {
  return `Only one process ran (${processLabel(process)}, ${formatDuration(process.end - process.start)}, ${exitLabel(process)}): no timeline to draw.`
}

/** `text` cut to at most `width` characters, ending in `…` when cut. */
export function shorten(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text
}

/** A row's label: `4242 PoolWorker-1`. */
export function processLabel(process: ProcessTimeline): string {
  return `${process.pid} ${process.name}`
}

/** How a process ended: `exit 0`, `exit -15`, or `no exit` when it was still running as the trace ended. */
export function exitLabel(process: ProcessTimeline): string {
  return process.exitCode === null ? 'no exit' : `exit ${process.exitCode}`
}

/** The heading of {@link stillWaiting}'s list. */
export const STILL_WAITING = 'Still waiting when the trace ended:'

/** `pid name: what` for each wait never unblocked: at a timeout, what each process was stuck on. */
export function stillWaiting(processes: ProcessTimeline[]): string[] {
  return processes.flatMap((p) => p.waits.filter((wait) => wait.unfinished && !wait.internal).map((wait) => `${processLabel(p)}: ${wait.on}`))
}

/** One line saying what a process did during a segment, and when. */
export function describeSegment(segment: Segment): string {
  const during = `${formatDuration(segment.end - segment.start)}, ${between(segment)}`
  switch (segment.kind) {
    case 'starting':
      return `starting for ${during}: spawned, its code not running yet`
    case 'run':
      return `running for ${during}`
    case 'wait': {
      const automatic = isAutoJoin(segment) ? ': the join proclab makes at exit, once the main code is done (there was no join() in the program)' : ''
      return `waiting for ${during} on ${segment.waits.map((wait) => wait.on).join(' and ')}${automatic}${stillOpen(segment.waits)}`
    }
    case 'task': {
      const task = segment.task!
      const waited = segment.waits.length > 0 ? `; waited on ${segment.waits.map((wait) => wait.on).join(' and ')}` : ''
      return `task ${task.number} for ${formatDuration(task.end - task.start)}, ${between(task)}${waited}${stillOpen([task])}`
    }
  }
}

/** One line for a band of segments too short to draw one by one: how many, when, and how the time went. */
export function describeCrowd(band: Band<Segment>): string {
  const split = timeByKind(band).map(([kind, ms]) => `${formatDuration(ms)} ${KIND_WORDS[kind]}`)
  return `${band.members.length} stretches too short to draw one by one, ${between(band)}: ${split.join(', ')}`
}

/** One line for a band of holds of one lock too short to draw one by one. */
export function describeLockBand(band: Band<LockSpan>, id: string): string {
  const held = band.members.reduce((sum, hold) => sum + hold.end - hold.start, 0)
  return `holding lock ${id} ${band.members.length} times, ${between(band)}, ${formatDuration(held)} in all (holds too short to draw one by one)${stillOpen(band.members)}`
}

const KIND_WORDS: Record<SegmentKind, string> = { starting: 'starting', run: 'running', wait: 'waiting', task: 'in pool tasks' }

/** The locks a process held, each once, in the order it first took them. */
export function lockIds(process: ProcessTimeline): string[] {
  return [...new Set(process.locks.map((hold) => hold.id))]
}

/** One line saying which lock a process held, and when. */
export function describeLock(lock: LockSpan): string {
  return `holding lock ${lock.id} for ${formatDuration(lock.end - lock.start)}, ${between(lock)}${stillOpen([lock])}`
}

function between(span: Pick<Span, 'start' | 'end'>): string {
  return `${span.start.toFixed(1)}–${span.end.toFixed(1)} ms`
}

function stillOpen(spans: Span[]): string {
  return spans.some((span) => span.unfinished) ? ' (unfinished when the process or the trace ended)' : ''
}
