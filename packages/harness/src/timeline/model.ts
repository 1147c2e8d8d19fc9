import { waitTarget, type TraceEvent } from '../trace.ts'
import { segmentsOf, type Segment } from './segments.ts'

/**
 * A traced run laid out in time: one row per process, with what it did and waited on. Times are
 * milliseconds since the first event of the trace.
 */
export interface Timeline {
  /** The time of the first event, in ms since the epoch (the `0` of every other time here). */
  origin: number
  /** From the first event to the last, in ms. */
  duration: number
  /** One per process life, in the order they began (a pid the OS reused gets a second row). */
  processes: ProcessTimeline[]
}

/** One process, from its spawn (or start) to its exit (or the end of the trace). */
export interface ProcessTimeline {
  pid: number
  ppid: number
  name: string
  /** When it was spawned; its first event if the spawn was not traced (the main process). */
  start: number
  /** When it began running its own code (its `start`); from `start` until then it was booting. */
  running: number
  /** When it exited; the end of the trace if it never did. */
  end: number
  /** Its exit code, or `null` if no exit was traced: it was still running when the trace ended. */
  exitCode: number | null
  tasks: TaskSpan[]
  waits: WaitSpan[]
  locks: LockSpan[]
  /** Its whole life as consecutive, non-overlapping stretches of one state each. */
  segments: Segment[]
}

/** A stretch of time; `unfinished` when it had not ended when the process (or the trace) did. */
export interface Span {
  start: number
  end: number
  unfinished: boolean
}

/** A pool task run by a worker, between its `task-start` and `task-end`. */
export interface TaskSpan extends Span {
  /** The task's index as traced: 0 for the first task handed to the pool. */
  task: number
  /**
   * The task's number as timelines show it, counted from 1 in the order the tasks were handed to the
   * pool (`task + 1`): a program handing out tasks 1, 2, …, 10 in a loop sees the same numbers.
   */
  number: number
}

/** A wait, between a `block` and its `unblock`. */
export interface WaitSpan extends Span {
  /** What was waited on, as traced: `join Process-1`, `get Queue 3`… */
  on: string
  /** What kind of object: `join`, `queue`, `pipe`, `lock`… (the traced `kind`, or the first word of `on`). */
  kind: string
  /** The join proclab made itself when the main code was done (traced `auto`), not one the program asked for. */
  auto: boolean
  /**
   * A wait of proclab's own plumbing (traced `internal`: a pool reading its workers' replies, a worker
   * reading its next task), not of the program's code. It is kept here, but it makes no segment.
   */
  internal: boolean
}

/** A lock or semaphore held, between its `acquire` and `release`. */
export interface LockSpan extends Span {
  id: string
}

/**
 * Builds the {@link Timeline} of a trace (as `ProgramRun.trace` holds it). Events may come in any
 * order; a `block`, `task-start` or `acquire` never closed lasts until its process ends.
 * @example
 * const timeline = buildTimeline(run.trace)
 * for (const p of timeline.processes) console.log(p.pid, p.name, p.tasks.map((t) => t.task))
 */
export function buildTimeline(events: readonly TraceEvent[]): Timeline {
  const sorted = [...events].sort((a, b) => a.t - b.t)
  const origin = sorted[0]?.t ?? 0
  const duration = (sorted.at(-1)?.t ?? origin) - origin
  const lives: Life[] = []
  const current = new Map<number, Life>()
  for (const event of sorted) {
    let life = current.get(event.pid)
    if (!life || beginsNewLife(life, event)) {
      life = newLife(event, event.t - origin)
      lives.push(life)
      current.set(event.pid, life)
    }
    record(life, event, event.t - origin)
  }
  return { origin, duration, processes: lives.map((life) => finish(life, duration)) }
}

/** A process row while the trace is read: spans still open are kept apart until they close. */
interface Life {
  row: Omit<ProcessTimeline, 'segments'>
  spawned: boolean
  /** Set by its `start`, or by the first event it traced itself (a trace may lack the `start`). */
  running: number | undefined
  started: boolean
  exited: boolean
  openTasks: TaskSpan[]
  openWaits: WaitSpan[]
  openLocks: LockSpan[]
}

// A second spawn or start of a pid, or any life event after its exit, is another process the OS gave the same pid.
function beginsNewLife(life: Life, event: TraceEvent): boolean {
  if (event.event === 'spawn') return life.spawned || life.started || life.exited
  if (event.event === 'start') return life.started || life.exited
  return false
}

function newLife(event: TraceEvent, at: number): Life {
  return {
    row: { pid: event.pid, ppid: event.ppid, name: event.name, start: at, running: at, end: at, exitCode: null, tasks: [], waits: [], locks: [] },
    spawned: false,
    running: undefined,
    started: false,
    exited: false,
    openTasks: [],
    openWaits: [],
    openLocks: [],
  }
}

function record(life: Life, event: TraceEvent, at: number): void {
  const { row } = life
  // Its parent traces its spawn and exit; any other event is the process itself, so it is running.
  if (event.event !== 'spawn' && event.event !== 'exit') life.running ??= at
  switch (event.event) {
    case 'spawn':
      life.spawned = true
      break
    case 'start':
      life.started = true
      row.name = event.name // a child learns its own name, which the spawn event may not have known
      break
    case 'exit':
      if (life.exited) return
      life.exited = true
      row.end = at
      row.exitCode = typeof event.exitCode === 'number' ? event.exitCode : null
      return
    case 'task-start':
      if (typeof event.task === 'number') open(life.openTasks, row.tasks, { task: event.task, number: event.task + 1, start: at, end: at, unfinished: true })
      break
    case 'task-end':
      close(life.openTasks, (span) => span.task === event.task, at)
      break
    case 'block': {
      const on = waitTarget(event)
      open(life.openWaits, row.waits, { on, kind: waitKind(event, on), auto: event.auto === true, internal: event.internal === true, start: at, end: at, unfinished: true })
      break
    }
    case 'unblock':
      close(life.openWaits, (span) => span.on === waitTarget(event), at)
      break
    case 'acquire':
      open(life.openLocks, row.locks, { id: String(event.id), start: at, end: at, unfinished: true })
      break
    case 'release':
      // The latest hold first: an RLock acquired twice is released in reverse order.
      close(life.openLocks, (span) => span.id === String(event.id), at, 'latest')
      break
  }
  if (!life.exited) row.end = at
}

function open<S extends Span>(openSpans: S[], all: S[], span: S): void {
  openSpans.push(span)
  all.push(span)
}

// An end with no matching start (its start was before tracing began, or in a torn line) is ignored.
function close<S extends Span>(openSpans: S[], matches: (span: S) => boolean, at: number, which: 'earliest' | 'latest' = 'earliest'): void {
  const index = which === 'earliest' ? openSpans.findIndex(matches) : openSpans.findLastIndex(matches)
  if (index === -1) return
  const [span] = openSpans.splice(index, 1)
  span!.end = at
  span!.unfinished = false
}

function finish(life: Life, traceEnd: number): ProcessTimeline {
  const row = life.row
  // A process with no traced exit was still alive when the trace ended.
  if (!life.exited) row.end = traceEnd
  // Spawned and never heard from: it spent its whole life booting.
  row.running = life.running ?? (life.spawned ? row.end : row.start)
  for (const span of [...life.openTasks, ...life.openWaits, ...life.openLocks]) span.end = row.end
  return { ...row, segments: segmentsOf(row) }
}

function waitKind(event: TraceEvent, on: string): string {
  return typeof event.kind === 'string' ? event.kind : (on.split(' ')[0] ?? on)
}
