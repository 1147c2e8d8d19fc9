import { formatDuration } from './axis.ts'
import type { LockSpan, ProcessTimeline, Span } from './model.ts'
import type { Segment, SegmentKind } from './segments.ts'

/** What each mark of a timeline means, for legends. */
export const MEANINGS: Record<SegmentKind | 'lock', string> = {
  starting: 'starting (its code not running yet)',
  run: 'running',
  wait: 'waiting',
  task: 'a pool task',
  lock: 'holding a lock',
}

/** What a renderer shows for a trace with no events. */
export const NO_TRACE_EVENTS = 'No trace events: nothing to draw. (Only programs that use @proclab/core are traced.)'

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
  return processes.flatMap((p) => p.waits.filter((wait) => wait.unfinished).map((wait) => `${processLabel(p)}: ${wait.on}`))
}

/** One line saying what a process did during a segment, and when. */
export function describeSegment(segment: Segment): string {
  const during = `${formatDuration(segment.end - segment.start)}, ${between(segment)}`
  switch (segment.kind) {
    case 'starting':
      return `starting for ${during}: spawned, its code not running yet`
    case 'run':
      return `running for ${during}`
    case 'wait':
      return `waiting for ${during} on ${segment.waits.map((wait) => wait.on).join(' and ')}${stillOpen(segment.waits)}`
    case 'task': {
      const task = segment.task!
      const waited = segment.waits.length > 0 ? `; waited on ${segment.waits.map((wait) => wait.on).join(' and ')}` : ''
      return `task ${task.task} for ${formatDuration(task.end - task.start)}, ${between(task)}${waited}${stillOpen([task])}`
    }
  }
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
