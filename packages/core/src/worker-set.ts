import { Pipe, SEND_CHECKED, type Connection } from './pipes/connection.ts'
import { Deque } from './deque.ts'
import { EOFError, ProcessError, StateError, withCode } from './errors.ts'
import { poolWorker } from './pool-worker.ts'
import { END_SURELY } from './children.ts'
import { keepAliveWhile } from './keep-alive.ts'
import { packNumbers, unpackNumbers } from './packed-numbers.ts'
import { Process, whenExited } from './process.ts'
import { unknownMessage, reviveError, type PoolMessage, type PoolReply, type TargetRef } from './transport/index.ts'
import { prepareForChild, SHARED } from './reduction.ts'
import { signalName } from './spawn/signals.ts'
import { assertCallable, locateExport } from './spawn/targets.ts'
import { internally, raised } from './trace.ts'

/**
 * The workers behind `Pool` and `ProcessPoolExecutor`: starts them once and reuses them, hands each
 * task to a worker with room, routes results back, and replaces a worker that ends (after
 * `maxTasksPerChild` tasks, or by dying). What a death does to unfinished tasks is the caller's policy.
 */

/** How a task ends: its values, one per call, or the error that ended it. */
export type TaskOutcome = { values: unknown[] } | { error: Error }

export interface Task {
  index: number
  fn: TargetRef
  /** Argument lists when `spread`, else one argument per call (see PoolTask). */
  calls: unknown[]
  spread: boolean
  /** The calls hold handles of manager proxies, which the worker rebuilds. */
  shared?: boolean
  settle(outcome: TaskOutcome): void
  /** Runs when the task is handed to a worker. */
  dispatched?(): void
}

export interface WorkerSetOptions {
  processes: number
  initializer: TargetRef | null
  initargs: unknown[]
  maxTasksPerChild: number
  /**
   * Called when a worker dies while running `task` (not settled yet). `error` says so; `how` names the
   * worker and how it ended ("PoolWorker-3 (pid 812) was killed by SIGKILL"). The tasks it held but had
   * not started go back to the head of the queue, for the replacement worker.
   */
  onDeath(task: Task, error: ProcessError, how: string): void
}

/** Unfinished tasks taken back by terminate(): those a worker was running, and those none had started. */
export interface Unfinished {
  running: Task[]
  notStarted: Task[]
}

interface Worker {
  process: Process
  tasks: Connection<PoolMessage>
  /** Sent to it, in order: the first is the one it runs, the others wait in its pipe. */
  inFlight: Task[]
  /** Reading its replies (while it has tasks). */
  receiving: Promise<void> | undefined
  /** Its process has ended: it gets no more tasks. */
  exited: boolean
  /** Resolves once its end has been dealt with (replies read, tasks failed or requeued). */
  gone: Promise<void>
  /** Told to stop (sent `null`). */
  stopped: boolean
  /** Tasks handed to it so far: with maxTasksPerChild it must never get more than it will run. */
  assigned: number
}

/** Tasks a worker may hold at once: two keeps it busy between tasks; a long backlog is spread wider. */
const PIPELINE = 2
const PIPELINE_BACKLOG = 32
let workersStarted = 0

/** Worker sets not yet shut down: at the end of the program they are, as Python's pool finalizer does. */
const open = new Set<WorkerSet>()
process.on('beforeExit', () => {
  for (const set of open) set.shutDownAtExit()
})

export class WorkerSet {
  readonly #options: WorkerSetOptions
  readonly #pending = new Deque<Task>()
  readonly #workers = new Set<Worker>()
  #stopping = false
  #terminated = false
  /** Feeds still sending tasks (an imap reading its input): close() leaves the workers up for them. */
  readonly #holds = new Set<object>()

  constructor(options: WorkerSetOptions) {
    this.#options = options
    open.add(this)
    for (let i = 0; i < options.processes; i++) this.#startWorker()
  }

  /** The program's main code is done and nothing waits on the pool: stop it (without this, its workers would be replaced as exit terminates them). */
  shutDownAtExit(): void {
    const error = new ProcessError('The program ended before this task finished: nothing was waiting for it.')
    const { running, notStarted } = this.terminate()
    for (const task of [...running, ...notStarted]) task.settle({ error })
  }

  /** The pids of the live workers. */
  get pids(): number[] {
    return [...this.#workers].filter((w) => !w.exited).map((w) => w.process.pid!)
  }

  /** Queues a task; throws StateError once the workers were terminated (nothing would ever run it). */
  submit(task: Task): void {
    if (this.#terminated) throw new StateError('The pool\'s workers were terminated (by terminate(), or as the program ended), so nothing can run this task: create a new pool.')
    this.#pending.push(task)
    this.#dispatch()
  }

  /** Takes a task back if no worker has it yet. */
  withdraw(task: Task): boolean {
    return this.#pending.remove((t) => t === task)
  }

  /** Keeps the workers after close() until the returned function is called: more tasks are coming. */
  hold(): () => void {
    const hold = {}
    this.#holds.add(hold)
    return () => {
      if (this.#holds.delete(hold)) this.#dispatch()
    }
  }

  /** No more tasks will come (but from holders): workers stop once the backlog is done. */
  close(): void {
    this.#stopping = true
    open.delete(this)
    this.#dispatch()
  }

  /** Ends every worker now; unfinished tasks are returned (unsettled) for the caller to fail. */
  terminate(): Unfinished {
    this.#stopping = true
    this.#terminated = true
    this.#holds.clear()
    open.delete(this)
    const unfinished: Unfinished = { running: [], notStarted: [] }
    for (const worker of this.#workers) {
      const [running, ...waiting] = worker.inFlight
      if (running) unfinished.running.push(running)
      unfinished.notStarted.push(...waiting)
    }
    unfinished.notStarted.push(...this.#pending.toArray())
    while (this.#pending.length > 0) this.#pending.shift()
    for (const worker of this.#workers) {
      worker.inFlight = []
      // Pool.terminate() promises an end: a worker that is stopped, or ignores SIGTERM, is killed.
      worker.process[END_SURELY]()
    }
    return unfinished
  }

  /**
   * Resolves when every worker has exited (after close() or terminate()). The program stays alive
   * meanwhile, as for any join: otherwise, with nothing else to do, it would end first and terminate
   * the (daemonic) workers before they finished.
   */
  async join(): Promise<void> {
    while (this.#workers.size > 0) await keepAliveWhile(Promise.all([...this.#workers].map((w) => w.gone)))
  }

  #startWorker(): void {
    const [parentEnd, workerEnd] = Pipe<PoolMessage>()
    const { initializer, initargs, maxTasksPerChild } = this.#options
    const process = new Process({ target: poolWorker, args: [workerEnd, initializer, initargs, maxTasksPerChild], name: `PoolWorker-${++workersStarted}`, daemon: true })
    process.start()
    workerEnd.close()
    const worker: Worker = { process, tasks: parentEnd, inFlight: [], receiving: undefined, exited: false, gone: Promise.resolve(), stopped: false, assigned: 0 }
    worker.gone = whenExited(process).then((exitCode) => this.#ended(worker, exitCode))
    this.#workers.add(worker)
  }

  #dispatch(): void {
    const depth = this.#pending.length > this.#workers.size * PIPELINE_BACKLOG ? PIPELINE_BACKLOG : PIPELINE
    const quota = this.#options.maxTasksPerChild || Infinity
    // Round by round, one task per worker per round: the least busy workers get work first.
    for (let round = 1; round <= depth && this.#pending.length > 0; round++) {
      for (const worker of this.#workers) {
        if (worker.exited || worker.inFlight.length >= round || worker.assigned >= quota || this.#pending.length === 0) continue
        const task = this.#pending.shift()!
        worker.assigned++
        worker.inFlight.push(task)
        task.dispatched?.()
        void worker.tasks[SEND_CHECKED]({ kind: 'task', index: task.index, fn: task.fn, calls: task.spread ? task.calls : packNumbers(task.calls), spread: task.spread, shared: task.shared === true })
      }
    }
    for (const worker of this.#workers) {
      if (worker.exited) continue
      if (worker.inFlight.length > 0 && !worker.receiving) worker.receiving = this.#receive(worker)
      else if (this.#stopping && this.#holds.size === 0 && this.#pending.length === 0 && worker.inFlight.length === 0 && !worker.stopped) {
        worker.stopped = true
        void worker.tasks[SEND_CHECKED](null)
      }
    }
  }

  /** Reads a worker's replies while it has tasks (an idle worker must not keep the program alive). */
  async #receive(worker: Worker): Promise<void> {
    try {
      while (worker.inFlight.length > 0) {
        const reply = (await internally(() => worker.tasks.recv())) as unknown as PoolReply
        const task = worker.inFlight.shift()
        if (!task || task.index !== reply.index) continue // settled already (terminate)
        task.settle(outcomeOf(reply, `${worker.process.name} (pid ${worker.process.pid})`))
        this.#dispatch()
      }
    } catch (error) {
      if (!(error instanceof EOFError)) throw error // a dead worker: #ended() deals with its tasks
    } finally {
      worker.receiving = undefined
    }
  }

  async #ended(worker: Worker, exitCode: number): Promise<void> {
    worker.exited = true
    // Replies it sent before it ended are still in the pipe: read them first, so that only the task it
    // was really running is the one that failed with it.
    await worker.receiving
    this.#workers.delete(worker)
    worker.tasks.close()
    const [running, ...notStarted] = worker.inFlight.splice(0)
    for (const task of notStarted.reverse()) this.#pending.unshift(task)
    if (running) {
      const how = `${worker.process.name} (pid ${worker.process.pid}) ${exitCode < 0 ? `was killed by ${signalName(-exitCode) ?? `signal ${-exitCode}`}` : `exited with code ${exitCode}`}`
      this.#options.onDeath(running, new ProcessError(`${how} while running a task; the task did not finish.`), how)
    }
    // Keep the pool at its size while there is work, or while it is open.
    if (!this.#stopping || this.#pending.length > 0 || this.#holds.size > 0) this.#startWorker()
    this.#dispatch()
  }
}

/** What a worker's reply means for its task; `where` names the worker in a revived error. */
function outcomeOf(reply: PoolReply, where: string): TaskOutcome {
  switch (reply.kind) {
    case 'done':
      return { values: unpackNumbers(reply.values) }
    case 'failed':
      return { error: reviveError(reply.error, where) }
    default:
      return unknownMessage(reply, 'A pool')
  }
}

/** The exported function a task runs, found once per pool. */
export function taskFunction(known: Map<Function, TargetRef>, fn: Function, api: string): TargetRef {
  let ref = known.get(fn)
  if (!ref) {
    assertCallable(fn, api, 'function')
    known.set(fn, (ref = locateExport(fn as (...args: never[]) => unknown, api, 'function')))
  }
  return ref
}

/**
 * Checks, once and as a whole, a task's arguments (`args`, or all of `items`; `root` names them in
 * messages: `args[0].onDone`, `items[3]`) and returns them ready to send: as they are, or, when they
 * hold manager proxies (which connect on their own), a copy with handles in their place (`shared`).
 * Any other shared object is refused: it can only be handed to a process when it starts.
 */
export function checkTaskArguments<T>(api: string, value: T, root: string): { value: T; shared: boolean } {
  const prepared = prepareForChild(value, root, api, undefined, (object, path) => {
    if (!object[SHARED].travels) throw refusedShared(api, path)
  })
  return { value: prepared.value as T, shared: prepared.shared.length > 0 }
}

// Thrown when a shared object of this process is sent to a task: workers are already running, so it cannot reach them.
// Traced as `raise`, so a check can tell this refusal from a program that only prints its text.
function refusedShared(api: string, path: string): TypeError {
  const error = new TypeError(
    `${api} cannot send ${path}: it is a shared object of this process (an Array, Value, lock, queue or pipe end), ` +
      `which can only be handed to a process when it starts, and the workers are already running (Python refuses it too). ` +
      `Hand it to every worker once, with the pool's \`initializer\` and \`initargs\` (the initializer keeps it in a ` +
      `module variable for the tasks), or make it with a manager (manager.Queue(), manager.Array(), manager.Lock()…), ` +
      `whose proxies can be sent to tasks.`,
  )
  return raised(withCode(error, 'ERR_MP_NOT_CLONEABLE'), api)
}
