import type { TraceEvent } from '../../src/index.ts'

/** An arbitrary epoch time for hand-made traces: timelines count from their first event. */
export const EPOCH = 1_700_000_000_000

/** The processes of hand-made traces: a main process and its children. */
const PROCESSES: Record<number, { name: string; ppid: number }> = {
  100: { name: 'MainProcess', ppid: 1 },
  101: { name: 'PoolWorker-1', ppid: 100 },
  102: { name: 'PoolWorker-2', ppid: 100 },
  103: { name: 'Process-1', ppid: 100 },
  104: { name: 'Process-2', ppid: 100 },
}

/** One hand-made event, `t` ms after {@link EPOCH}; `fields` may override the name. */
export type Line = [t: number, pid: number, event: string, fields?: Record<string, unknown>]

/** A trace written as compact lines: `[12, 101, 'task-start', { task: 0 }]`. */
export function traceOf(...lines: Line[]): TraceEvent[] {
  return lines.map(([t, pid, event, fields]) => ({ t: EPOCH + t, pid, ...(PROCESSES[pid] ?? { name: `pid-${pid}`, ppid: 100 }), event, ...fields }))
}

/** Main runs two pool workers: six tasks, three per worker; worker 2 is terminated at the end. */
export const POOL_TRACE = traceOf(
  [0, 100, 'start'],
  [2, 101, 'spawn'],
  [4, 102, 'spawn'],
  [6, 100, 'block', { on: 'get Queue 1', kind: 'queue' }],
  [10, 101, 'start'],
  [12, 101, 'task-start', { task: 0 }],
  [14, 102, 'start'],
  [16, 102, 'task-start', { task: 1 }],
  [32, 101, 'task-end', { task: 0 }],
  [32, 101, 'task-start', { task: 2 }],
  [40, 102, 'task-end', { task: 1 }],
  [40, 102, 'task-start', { task: 3 }],
  [52, 101, 'task-end', { task: 2 }],
  [52, 101, 'task-start', { task: 4 }],
  [60, 102, 'task-end', { task: 3 }],
  [60, 102, 'task-start', { task: 5 }],
  [72, 101, 'task-end', { task: 4 }],
  [74, 100, 'unblock', { on: 'get Queue 1', kind: 'queue' }],
  [76, 100, 'block', { on: 'join PoolWorker-1', kind: 'join' }],
  [80, 101, 'exit', { exitCode: 0 }],
  [80, 102, 'task-end', { task: 5 }],
  [80, 100, 'unblock', { on: 'join PoolWorker-1', kind: 'join' }],
  [90, 102, 'exit', { exitCode: -15 }],
  [100, 100, 'exit', { exitCode: 0 }],
)

/** A program stopped at its time limit: main waits to join a consumer that waits, holding a lock, on a queue the producer never filled. */
export const STUCK_TRACE = traceOf(
  [0, 100, 'start'],
  [5, 103, 'spawn'],
  [6, 104, 'spawn'],
  [10, 100, 'block', { on: 'join Process-1', kind: 'join' }],
  [20, 103, 'start'],
  [22, 104, 'start'],
  [25, 103, 'acquire', { id: 'lock-7' }],
  [30, 103, 'block', { on: 'get Queue 2', kind: 'queue' }],
  [200, 104, 'exit', { exitCode: 0 }],
)
