import type { TraceEvent } from './trace.ts'

/**
 * What a program's trace proves happened, whatever its output says: which children a process joined,
 * which pool tasks ran at the same time, what a process held while it printed, which errors proclab
 * threw, which children a process terminated. Each function reads core's events (see SPEC *Tracing*); the checks of `expectProgram` use them.
 */

/** A child a process started: its spawn event. */
export interface StartedChild {
  pid: number
  name: string
  daemon: boolean
}

/** proclab's own children (pool workers, a manager's server), which a program does not join itself. */
const PROCLAB_CHILD = /^(PoolWorker-\d+|.*Manager-server)$/

/** The children `parentPid` started with `new Process(…).start()`, in the order it started them. */
export function startedChildren(trace: readonly TraceEvent[], parentPid: number): StartedChild[] {
  return trace
    .filter((e) => e.event === 'spawn' && e.ppid === parentPid && !PROCLAB_CHILD.test(e.name))
    .map((e) => ({ pid: e.pid, name: e.name, daemon: e.daemon === true }))
}

/** How `parentPid` waited for the child named `name`: the end of its own `join()`, or of the join proclab made at exit. */
export interface JoinSeen {
  /** When the program's own `await p.join()` returned (the first that did), if it ever did. */
  joinedAt?: number
  /** Whether proclab joined the child at exit, the program's main code being done without doing so. */
  joinedAtExit: boolean
}

export function joinOf(trace: readonly TraceEvent[], parentPid: number, name: string): JoinSeen {
  const seen: JoinSeen = { joinedAtExit: false }
  for (const e of trace) {
    if (e.pid !== parentPid || e.event !== 'unblock' || e.kind !== 'join' || e.on !== `join ${name}`) continue
    if (e.auto === true) seen.joinedAtExit = true
    else if (seen.joinedAt === undefined && exitedBefore(trace, name, parentPid, e.t)) seen.joinedAt = e.t
  }
  return seen
}

// A join with a timeout can return while the child still runs: only a join after the child's exit counts.
function exitedBefore(trace: readonly TraceEvent[], name: string, parentPid: number, t: number): boolean {
  return trace.some((e) => e.event === 'exit' && e.name === name && e.ppid === parentPid && e.t <= t)
}

/** One pool task's run in a worker, from its `task-start` to its `task-end`. */
export interface TaskRun {
  pid: number
  task: number
  start: number
  end: number
}

export function taskRuns(trace: readonly TraceEvent[]): TaskRun[] {
  const open = new Map<string, TraceEvent>()
  const runs: TaskRun[] = []
  for (const e of trace) {
    const key = `${e.pid}/${String(e.task)}`
    if (e.event === 'task-start') open.set(key, e)
    else if (e.event === 'task-end' && open.has(key)) {
      runs.push({ pid: e.pid, task: Number(e.task), start: open.get(key)!.t, end: e.t })
      open.delete(key)
    }
  }
  return runs
}

/** The most tasks that ran at one moment, each in a different process. */
export function mostAtOnce(runs: readonly TaskRun[]): number {
  let most = 0
  for (const run of runs) {
    const running = new Set(runs.filter((other) => other.start <= run.start && run.start < other.end).map((other) => other.pid))
    most = Math.max(most, running.size)
  }
  return most
}

/**
 * The trace with only the pool tasks handed out and started in `[from, to)`: their `task-submit`,
 * `task-start` and `task-end`, and every event that is not about a task (spawns, workers' waits), so a
 * section of a program is judged on its own tasks, with workers that came up before it still ready.
 */
export function tasksWithin(trace: readonly TraceEvent[], from: number, to: number): TraceEvent[] {
  const inside = (e: TraceEvent) => e.t >= from && e.t < to
  const started = new Set(trace.filter((e) => e.event === 'task-start' && inside(e)).map((e) => `${e.pid}/${String(e.task)}`))
  return trace.filter((e) => {
    if (e.event === 'task-submit' || e.event === 'task-start') return inside(e)
    if (e.event === 'task-end') return started.has(`${e.pid}/${String(e.task)}`)
    return true
  })
}

/**
 * The most tasks a program had handed to pools (`task-submit`) and not yet seen end (`task-end`), at one
 * moment; `undefined` when no submit was traced (a pool that does not trace them). A program that awaits
 * each task before handing out the next never has more than one: that is the program's doing, whenever
 * the workers came up.
 */
export function mostInFlight(trace: readonly TraceEvent[]): number | undefined {
  if (!trace.some((e) => e.event === 'task-submit')) return undefined
  let inFlight = 0
  let most = 0
  for (const e of trace) {
    if (e.event === 'task-submit') most = Math.max(most, ++inFlight)
    else if (e.event === 'task-end') inFlight--
  }
  return most
}

/**
 * Whether, at some moment, at least `count` pool workers were ready (a worker is ready from its first
 * task or its first wait for one) while at least `count` handed tasks had not started: then a pool runs
 * `count` of them at once. When the workers came up too late for that (a machine under load), tasks
 * handed out together may still have run one after another. Always true when the submitting processes
 * started fewer than `count` pool workers (daemonic children).
 */
export function workersCouldOverlap(trace: readonly TraceEvent[], count: number): boolean {
  // A pool of fewer workers (Pool(1)) could never overlap, however early they came up: that is the program's doing.
  const submitters = new Set(trace.filter((e) => e.event === 'task-submit').map((e) => e.pid))
  const workers = new Set(trace.filter((e) => e.event === 'spawn' && e.daemon === true && submitters.has(e.ppid)).map((e) => e.pid))
  if (workers.size < count) return true
  const ready = new Set<number>()
  let waiting = 0
  for (const e of trace) {
    if (e.event === 'task-submit') waiting++
    if (workers.has(e.pid) && (e.event === 'task-start' || (e.event === 'block' && e.internal === true))) ready.add(e.pid)
    if (e.event === 'task-start') waiting--
    if (ready.size >= count && waiting >= count) return true
  }
  return false
}

/** A time a process held a lock or semaphore of some kind, from its `acquire` to its `release`. */
export interface Hold {
  pid: number
  id: unknown
  kind: unknown
  from: number
  to: number
}

export function holds(trace: readonly TraceEvent[]): Hold[] {
  const open = new Map<string, TraceEvent[]>()
  const found: Hold[] = []
  for (const e of trace) {
    const key = `${e.pid}/${String(e.id)}`
    if (e.event === 'acquire') open.set(key, [...(open.get(key) ?? []), e])
    else if (e.event === 'release') {
      const taken = open.get(key)?.pop()
      if (taken) found.push({ pid: e.pid, id: e.id, kind: e.kind, from: taken.t, to: e.t })
    }
  }
  // Held until the process ended: still a hold.
  for (const stack of open.values()) for (const e of stack) found.push({ pid: e.pid, id: e.id, kind: e.kind, from: e.t, to: Infinity })
  return found
}

/** The errors proclab threw to the program (`raise` events), optionally only those named `error`. */
export function raisedErrors(trace: readonly TraceEvent[], error?: string): TraceEvent[] {
  return trace.filter((e) => e.event === 'raise' && (error === undefined || e.error === error))
}

/** A call of `Process.terminate()` or `Process.kill()`: who called it, on which child, and when. */
export interface StopCall {
  /** The process that called it. */
  pid: number
  api: 'terminate' | 'kill'
  /** The pid and name of the child it was called on. */
  target: number
  child: string
  t: number
}

/** Every `terminate()` and `kill()` call of the program, in time order. A child that signals itself makes none. */
export function stopCalls(trace: readonly TraceEvent[]): StopCall[] {
  return trace
    .filter((e) => e.event === 'terminate' || e.event === 'kill')
    .map((e) => ({ pid: e.pid, api: e.event as StopCall['api'], target: Number(e.target), child: String(e.child), t: e.t }))
}
