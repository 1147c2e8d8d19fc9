import { inspect } from 'node:util'
import { AsyncResult } from './async-result.ts'
import { cpuCount } from './cpu.ts'
import { StateError, withCode } from './errors.ts'
import { keepAliveWhile } from './keep-alive.ts'
import { chunkReader, Feed } from './pool-feed.ts'
import { trace, traceWait, tracing } from './trace.ts'
import type { TargetRef } from './transport/index.ts'
import { assertCloneable } from './reduction.ts'
import { locateExport } from './spawn/targets.ts'
import { checkTaskArguments, taskFunction, WorkerSet, type Task, type TaskOutcome } from './worker-set.ts'

/** Options of a {@link Pool}, as Python's `Pool(processes, initializer, initargs, maxtasksperchild)`. */
export interface PoolOptions {
  /** How many worker processes; default `cpuCount()`. */
  processes?: number
  /** An exported function each worker runs once, first, with `initargs` (queues may be passed here). */
  initializer?: (...args: any[]) => unknown
  initargs?: unknown[]
  /** A worker is replaced by a fresh one after this many tasks; 0 (default): never. */
  maxtasksperchild?: number
}

/** Callbacks of `applyAsync`/`mapAsync`/`starmapAsync`: run in this process before the result resolves. */
export interface ResultCallbacks<R> {
  callback?: (value: R) => void
  errorCallback?: (error: Error) => void
}

type Fn<A extends unknown[], R> = (...args: A) => R | Promise<R>

/** Chunks per worker an imap sends ahead of the results it has yielded: enough for the deep pipeline of a long backlog. */
const FEED_AHEAD = 64

/**
 * A pool of worker processes, like Python's `multiprocessing.Pool`: workers start once and are reused;
 * each task runs an exported function in one of them.
 * @example
 * await using pool = new mp.Pool(3)
 * console.log(await pool.map(square, [1, 2, 3])) // [1, 4, 9]
 */
export class Pool {
  readonly #workers: WorkerSet
  readonly #processes: number
  readonly #functions = new Map<Function, TargetRef>()
  #state: 'running' | 'closed' | 'terminated' = 'running'
  #tasksSubmitted = 0

  constructor(processes?: number | PoolOptions, options: Omit<PoolOptions, 'processes'> = {}) {
    const all: PoolOptions = typeof processes === 'object' ? processes : { ...options, processes }
    const count = all.processes ?? cpuCount()
    if (!Number.isInteger(count) || count < 1) throw invalid('processes', 'a positive whole number', count)
    const maxTasks = all.maxtasksperchild ?? 0
    if (!Number.isInteger(maxTasks) || maxTasks < 0) throw invalid('maxtasksperchild', 'a whole number ≥ 0', maxTasks)
    const initializer = all.initializer ? locateExport(all.initializer, 'new Pool()', 'initializer') : null
    const initargs = all.initargs ?? []
    // Queues may go to the workers here: they are handed over when each worker starts.
    assertCloneable(initargs, 'initargs', 'new Pool()', 'the initargs', () => {})
    this.#processes = count
    this.#workers = new WorkerSet({
      processes: count,
      initializer,
      initargs,
      maxTasksPerChild: maxTasks,
      // The worker is replaced, and only the task it was running fails (Python's Pool would wait for it forever).
      onDeath: (task, error) => task.settle({ error }),
    })
  }

  /** Runs `fn(...args)` in a worker and waits for its result (Python's `apply`). */
  async apply<A extends unknown[], R>(fn: Fn<A, R>, args: A = [] as unknown as A): Promise<R> {
    const { value, shared } = checkTaskArguments('Pool.apply()', args, 'args')
    return keepAliveWhile(this.#submit('apply', fn, { value: [value], shared, spread: true }).then((values) => values[0] as R))
  }

  /** Starts `fn(...args)` in a worker; the result comes later (Python's `apply_async`). */
  applyAsync<A extends unknown[], R>(fn: Fn<A, R>, args: A = [] as unknown as A, callbacks: ResultCallbacks<R> = {}): AsyncResult<R> {
    const { value, shared } = checkTaskArguments('Pool.applyAsync()', args, 'args')
    return this.#result(this.#submit('applyAsync', fn, { value: [value], shared, spread: true }).then((values) => values[0] as R), callbacks)
  }

  /** `fn(item)` for every item, in chunks, results in input order (Python's `map`). */
  async map<T, R>(fn: Fn<[T], R>, items: Iterable<T>, chunksize?: number): Promise<R[]> {
    return keepAliveWhile(this.#map('map', fn, calls('map', items), chunksize))
  }

  /** Like `map`, returning an AsyncResult at once (Python's `map_async`); the callbacks get the whole list. */
  mapAsync<T, R>(fn: Fn<[T], R>, items: Iterable<T>, chunksize?: number, callbacks: ResultCallbacks<R[]> = {}): AsyncResult<R[]> {
    return this.#result(this.#map('mapAsync', fn, calls('mapAsync', items), chunksize), callbacks)
  }

  /** `fn(...tuple)` for every tuple, results in input order (Python's `starmap`). */
  async starmap<A extends unknown[], R>(fn: Fn<A, R>, argTuples: Iterable<A>, chunksize?: number): Promise<R[]> {
    return keepAliveWhile(this.#map('starmap', fn, tuples('starmap', argTuples), chunksize))
  }

  /**
   * Like `starmap`, returning an AsyncResult at once (Python's `starmap_async`); the callbacks get the whole list.
   * @example
   * const r = pool.starmapAsync(add, [[1, 2], [3, 4]], undefined, { callback: (sums) => console.log(sums) })
   * console.log(await r.get()) // [3, 7]
   */
  starmapAsync<A extends unknown[], R>(fn: Fn<A, R>, argTuples: Iterable<A>, chunksize?: number, callbacks: ResultCallbacks<R[]> = {}): AsyncResult<R[]> {
    return this.#result(this.#map('starmapAsync', fn, tuples('starmapAsync', argTuples), chunksize), callbacks)
  }

  /**
   * Like `map`, as an async iterable that yields each result, in input order, as soon as it can. As
   * Python's, it reads `items` from this call on, chunk by chunk as the workers go (never whole first),
   * and the pool may be closed meanwhile. If `items` throws part-way, the results before are yielded,
   * then that error is thrown. Leaving the loop early stops reading `items`.
   */
  imap<T, R>(fn: Fn<[T], R>, items: Iterable<T>, chunksize = 1): AsyncGenerator<R> {
    return this.#feed('imap', fn, items, chunksize, true) as AsyncGenerator<R>
  }

  /** Like `imap`, yielding results in the order they finish. */
  imapUnordered<T, R>(fn: Fn<[T], R>, items: Iterable<T>, chunksize = 1): AsyncGenerator<R> {
    return this.#feed('imapUnordered', fn, items, chunksize, false) as AsyncGenerator<R>
  }

  /** No more tasks: workers exit once the submitted ones are done. */
  close(): void {
    if (this.#state === 'running') this.#state = 'closed'
    this.#workers.close()
  }

  /** Waits for the workers to exit; call close() or terminate() first. */
  async join(): Promise<void> {
    if (this.#state === 'running') throw new StateError('Pool.join() cannot wait while the pool is open: its workers wait for more tasks. Call close() (or terminate()) first.')
    // Traced as a join, so a check can tell a program that joined its pool from one that slept or exited.
    await traceWait('join pool', { kind: 'join', pool: true }, this.#workers.join())
  }

  /** Stops the workers now; unfinished tasks fail with `StateError`. */
  async terminate(): Promise<void> {
    this.#state = 'terminated'
    const error = new StateError('Pool.terminate() stopped the pool before this task finished.')
    const { running, notStarted } = this.#workers.terminate()
    for (const task of [...running, ...notStarted]) task.settle({ error })
    await this.#workers.join()
  }

  /** `await using pool = new Pool()`: terminate at scope exit, as Python's `with Pool() as p:`. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.terminate()
  }

  toString(): string {
    return `<Pool processes=${this.#processes} state=${this.#state} pids=[${this.#workers.pids.join(', ')}]>`
  }

  [inspect.custom](): string {
    return this.toString()
  }

  async #map(api: string, fn: Fn<any, unknown>, calls: Calls, chunksize: number | undefined): Promise<any[]> {
    // Python's default: about four chunks per worker.
    const size = chunksize ?? Math.max(1, Math.ceil(calls.value.length / (this.#processes * 4)))
    const values = await Promise.all(this.#chunks(api, fn, calls, size))
    // concat copies packed arrays wholesale; flat() walks them element by element, many times slower.
    return values.length === 1 ? values[0]! : ([] as unknown[]).concat(...values)
  }

  #chunks(api: string, fn: Fn<any, unknown>, { value: calls, shared, spread }: Calls, chunksize: number): Promise<unknown[]>[] {
    checkChunksize(chunksize)
    const chunks: Promise<unknown[]>[] = []
    for (let start = 0; start < calls.length; start += chunksize) chunks.push(this.#submit(api, fn, { value: calls.slice(start, start + chunksize), shared, spread }))
    return chunks
  }

  /** The items of an imap, read and sent as the workers go; the workers stay (after close()) until it is done. */
  #feed(api: string, fn: Fn<any, unknown>, items: Iterable<unknown>, chunksize: number, ordered: boolean): AsyncGenerator<unknown> {
    checkChunksize(chunksize)
    this.#assertRunning(api)
    taskFunction(this.#functions, fn, `Pool.${api}()`)
    const input = chunkReader(items, chunksize, (item, index) => checkTaskArguments(`Pool.${api}()`, item, `items[${index}]`))
    const release = this.#workers.hold()
    const feed = new Feed({
      ordered,
      window: this.#processes * FEED_AHEAD,
      read: input.read,
      submit: ({ items: value, shared }) => this.#submit(api, fn, { value, shared, spread: false }, true),
      ended: () => {
        release()
        input.close()
      },
    })
    return feed.results()
  }

  #assertRunning(api: string): void {
    if (this.#state !== 'running') {
      throw new StateError(`Pool.${api}() cannot be used: the pool is ${this.#state === 'closed' ? 'closed' : 'terminated'}. Submit every task before close(), or create a new Pool.`)
    }
  }

  /** Sends one task (a chunk of calls, already checked); resolves with its values. An imap started before close() still `feeds` it. */
  #submit(api: string, fn: Fn<any, unknown>, { value: calls, shared, spread }: Calls, feeds = false): Promise<unknown[]> {
    if (!(feeds && this.#state === 'closed')) this.#assertRunning(api)
    const ref = taskFunction(this.#functions, fn, `Pool.${api}()`)
    const index = this.#tasksSubmitted++
    // What the program handed out, and when: a check tells tasks handed together from tasks awaited one by one.
    if (tracing) trace('task-submit', { task: index })
    let settle!: (outcome: TaskOutcome) => void
    const values = new Promise<unknown[]>((resolve, reject) => (settle = (outcome) => ('values' in outcome ? resolve(outcome.values) : reject(outcome.error))))
    // Outside the promise: a refusal (workers already ended at exit) throws to the caller, which may be an imap's feed.
    this.#workers.submit({ index, fn: ref, calls, spread, shared, settle })
    return values
  }

  #result<R>(promise: Promise<R>, { callback, errorCallback }: ResultCallbacks<R>): AsyncResult<R> {
    return new AsyncResult<R>((resolve, reject) => {
      promise.then(
        (value) => (report(() => callback?.(value)), resolve(value)),
        (error: Error) => (report(() => errorCallback?.(error)), reject(error)),
      )
    })
  }
}

/** The calls of a task list, checked: argument lists (`spread`) or single arguments, and whether they hold manager proxies to rebuild. */
type Calls = { value: unknown[]; shared: boolean; spread: boolean }

/** Each item as the one argument of a call, once all of them are checked. */
function calls(api: string, items: Iterable<unknown>): Calls {
  return { ...checkTaskArguments(`Pool.${api}()`, [...items], 'items'), spread: false }
}

/** Each tuple as the argument list of a call, once all of them are checked. */
function tuples(api: string, argTuples: Iterable<unknown[]>): Calls {
  return { ...checkTaskArguments(`Pool.${api}()`, [...argTuples], 'argTuples'), spread: true }
}

function checkChunksize(chunksize: number): void {
  if (!Number.isInteger(chunksize) || chunksize < 1) throw invalid('chunksize', 'a positive whole number', chunksize)
}

/** A callback that throws is reported and never breaks the pool (as in Python). */
function report(run: () => void): void {
  try {
    run()
  } catch (error) {
    console.error(`Exception in a Pool callback (the pool carries on):\n${inspect(error)}`)
  }
}

function invalid(option: string, expected: string, value: unknown): RangeError {
  return withCode(new RangeError(`new Pool() expects \`${option}\` to be ${expected}, got ${inspect(value)}.`), 'ERR_MP_INVALID_ARG')
}
