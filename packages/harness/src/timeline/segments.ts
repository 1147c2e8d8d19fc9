import type { ProcessTimeline, TaskSpan, WaitSpan } from './model.ts'

/**
 * What a process was doing during a {@link Segment}: `starting` (spawned, still booting, before its
 * own code runs), `run` (running its own code), `wait` (blocked on a join, queue, pipe, lock…),
 * `task` (running a pool task, whatever it waits on inside).
 */
export type SegmentKind = 'starting' | 'run' | 'wait' | 'task'

/** A stretch of a process's life in one state; a process's segments follow each other without gaps. */
export interface Segment {
  kind: SegmentKind
  start: number
  end: number
  /** For `task`: the task it ran. */
  task?: TaskSpan
  /**
   * For `wait`: everything it was waiting on (an async process can await a pipe and a join at once).
   * For `task`: what the task waited on while it ran.
   */
  waits: WaitSpan[]
}

/**
 * Cuts a process's life into consecutive segments; a task outranks the waits inside it. proclab's own
 * waits (`internal`) are not the program waiting: the process counts as running through them.
 */
export function segmentsOf(row: Pick<ProcessTimeline, 'start' | 'running' | 'end' | 'tasks' | 'waits'>): Segment[] {
  const segments: Segment[] = []
  if (row.running > row.start) segments.push({ kind: 'starting', start: row.start, end: row.running, waits: [] })
  const spans: (TaskSpan | WaitSpan)[] = [...row.tasks, ...row.waits.filter((wait) => !wait.internal)].sort((a, b) => a.start - b.start)
  const inLife = (t: number) => t >= row.running && t <= row.end
  const points = [...new Set([row.running, row.end, ...spans.flatMap((s) => [s.start, s.end]).filter(inLife)])].sort((a, b) => a - b)
  let active: (TaskSpan | WaitSpan)[] = []
  let next = 0
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!
    const end = points[i + 1]!
    while (next < spans.length && spans[next]!.start <= start) active.push(spans[next++]!)
    active = active.filter((span) => span.end > start)
    extend(segments, stateDuring(active, start, end))
  }
  return segments
}

function stateDuring(active: (TaskSpan | WaitSpan)[], start: number, end: number): Segment {
  const waits = active.filter((span): span is WaitSpan => 'on' in span)
  const task = active.findLast((span): span is TaskSpan => 'task' in span)
  if (task) return { kind: 'task', start, end, task, waits }
  return { kind: waits.length > 0 ? 'wait' : 'run', start, end, waits }
}

/** Appends `segment`, or lengthens the last one if the state did not change. */
function extend(segments: Segment[], segment: Segment): void {
  const last = segments.at(-1)
  if (!last || last.end !== segment.start || !sameState(last, segment)) {
    segments.push(segment)
    return
  }
  last.end = segment.end
  for (const wait of segment.waits) if (!last.waits.includes(wait)) last.waits.push(wait)
}

function sameState(a: Segment, b: Segment): boolean {
  if (a.kind !== b.kind) return false
  if (a.kind === 'task') return a.task === b.task
  if (a.kind === 'wait') return a.waits.length === b.waits.length && a.waits.every((wait) => b.waits.includes(wait))
  return true
}
