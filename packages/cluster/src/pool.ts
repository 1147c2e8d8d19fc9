import { inspect } from 'node:util'
import * as mp from '@proclab/core'
import { chunkReader, Feed } from '@proclab/core/tooling'
import { ClusterConnection, invalid, type Calls, type ClusterOptions } from './caller/cluster.ts'
import { newAsyncResult } from './core-bridge.ts'

type Fn<A extends unknown[], R> = (...args: A) => R | Promise<R>

/** Chunks of an imap sent and unfinished at once: its input is read no further ahead. */
const FEED_WINDOW = 64

/**
 * `multiprocessing.Pool`'s whole API on a cluster of machines: tasks go through a BullMQ queue in
 * Redis to `proclab worker` programs, each running them in a local `mp.Pool`. With no Redis URL (and no
 * `PROCLAB_REDIS`), a private redis-server and worker start on this machine, as Ray's Pool starts a
 * local cluster. A task runs at least once: if its worker dies, another runs it again; you get exactly
 * one result per task.
 * @example
 * await using pool = new ClusterPool({ redis: 'redis://10.0.0.5:6379' })
 * console.log(await pool.map(square, [1, 2, 3])) // [1, 4, 9]
 */
export class ClusterPool {
  readonly #cluster: ClusterConnection
  #state: 'running' | 'closed' | 'terminated' = 'running'
  #finished: Promise<void> | undefined
  /** imaps still reading their input: join() waits for them before it leaves the cluster. */
  readonly #feeds = new Set<Promise<void>>()

  constructor(processes?: number | ClusterOptions, options: Omit<ClusterOptions, 'processes'> = {}) {
    const all: ClusterOptions = typeof processes === 'object' && processes !== null ? processes : { ...options, ...(processes === undefined ? {} : { processes }) }
    this.#cluster = new ClusterConnection(all, 'new ClusterPool()')
  }

  /** Runs `fn(...args)` on a worker and waits for its result (Python's `apply`). */
  async apply<A extends unknown[], R>(fn: Fn<A, R>, args: A = [] as unknown as A): Promise<Awaited<R>> {
    const [value] = await this.#send('apply', fn, { values: [args], spread: true, pathOf: () => 'args' }, 1)[0]!
    return value as Awaited<R>
  }

  /** Starts `fn(...args)` on a worker; the result comes later (Python's `apply_async`). */
  applyAsync<A extends unknown[], R>(fn: Fn<A, R>, args: A = [] as unknown as A, callbacks: mp.ResultCallbacks<Awaited<R>> = {}): mp.AsyncResult<Awaited<R>> {
    const [chunk] = this.#send('applyAsync', fn, { values: [args], spread: true, pathOf: () => 'args' }, 1)
    return withCallbacks(chunk!.then(([value]) => value as Awaited<R>), callbacks)
  }

  /** `fn(item)` for every item, in chunks, results in input order (Python's `map`). */
  async map<T, R>(fn: Fn<[T], R>, items: Iterable<T>, chunksize?: number): Promise<Awaited<R>[]> {
    return this.#map('map', fn, single(items), chunksize) as Promise<Awaited<R>[]>
  }

  mapAsync<T, R>(fn: Fn<[T], R>, items: Iterable<T>, chunksize?: number, callbacks: mp.ResultCallbacks<Awaited<R>[]> = {}): mp.AsyncResult<Awaited<R>[]> {
    return withCallbacks(this.#map('mapAsync', fn, single(items), chunksize) as Promise<Awaited<R>[]>, callbacks)
  }

  /** `fn(...tuple)` for every tuple, results in input order (Python's `starmap`). */
  async starmap<A extends unknown[], R>(fn: Fn<A, R>, argTuples: Iterable<A>, chunksize?: number): Promise<Awaited<R>[]> {
    return this.#map('starmap', fn, tuples(argTuples), chunksize) as Promise<Awaited<R>[]>
  }

  /** `starmap` without waiting (Python's `starmap_async`). */
  starmapAsync<A extends unknown[], R>(fn: Fn<A, R>, argTuples: Iterable<A>, chunksize?: number, callbacks: mp.ResultCallbacks<Awaited<R>[]> = {}): mp.AsyncResult<Awaited<R>[]> {
    return withCallbacks(this.#map('starmapAsync', fn, tuples(argTuples), chunksize) as Promise<Awaited<R>[]>, callbacks)
  }

  /**
   * Like `map`, as an async iterable that yields each result, in input order, as soon as it can. The
   * input is read from the call on, chunk by chunk as the workers go (never whole first); if it throws
   * part-way, the results before the failure are yielded, then its error is raised.
   */
  imap<T, R>(fn: Fn<[T], R>, items: Iterable<T>, chunksize = 1): AsyncGenerator<Awaited<R>> {
    return this.#feed('imap', fn, items, chunksize, true) as AsyncGenerator<Awaited<R>>
  }

  /** Like `imap`, yielding results in the order they finish. */
  imapUnordered<T, R>(fn: Fn<[T], R>, items: Iterable<T>, chunksize = 1): AsyncGenerator<Awaited<R>> {
    return this.#feed('imapUnordered', fn, items, chunksize, false) as AsyncGenerator<Awaited<R>>
  }

  /** No more tasks: the pool leaves the cluster once the submitted ones are done. */
  close(): void {
    if (this.#state === 'running') this.#state = 'closed'
  }

  /** Waits for the submitted tasks, then leaves the cluster; call close() or terminate() first. */
  async join(): Promise<void> {
    if (this.#state === 'running') throw new mp.StateError('ClusterPool.join() cannot wait while the pool is open: it waits for more tasks. Call close() (or terminate()) first.')
    while (this.#feeds.size > 0) await Promise.all(this.#feeds)
    await (this.#finished ??= this.#cluster.finish())
  }

  /** Stops now: unfinished tasks fail with `StateError`, jobs no worker has taken are removed. */
  async terminate(): Promise<void> {
    this.#state = 'terminated'
    await (this.#finished ??= this.#cluster.abort(new mp.StateError('ClusterPool.terminate() stopped the pool before this task finished.')))
  }

  /** `await using pool = new ClusterPool()`: terminate at scope exit, as Python's `with Pool() as p:`. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.terminate()
  }

  toString(): string {
    return `<ClusterPool state=${this.#state}>`
  }

  [inspect.custom](): string {
    return this.toString()
  }

  async #map(api: string, fn: Fn<any, unknown>, calls: Calls, chunksize: number | undefined): Promise<unknown[]> {
    this.#checkRunning(api)
    // Submitted now: a close() while the chunk size is worked out must not refuse it.
    const size = chunksize ?? (await this.#cluster.defaultChunksize(calls.values.length))
    const values = await Promise.all(this.#send(api, fn, calls, size, { checked: true }))
    // concat copies packed arrays wholesale; flat() walks them element by element, many times slower.
    return values.length === 1 ? values[0]! : ([] as unknown[]).concat(...values)
  }

  /** Sends the calls in chunks of `chunksize` (each checked and encoded now); one promise of values per chunk. */
  #send(api: string, fn: Fn<any, unknown>, calls: Calls, chunksize: number, { checked = false } = {}): Promise<unknown[]>[] {
    if (!checked) this.#checkRunning(api)
    checkChunksize(api, chunksize)
    const chunks: Promise<unknown[]>[] = []
    for (let start = 0; start < calls.values.length; start += chunksize) {
      chunks.push(this.#cluster.chunk(`ClusterPool.${api}()`, fn, calls, start, Math.min(start + chunksize, calls.values.length)).values)
    }
    return chunks
  }

  /** An imap's input, read and sent as the workers go (core's Feed, as Pool.imap reads it). */
  #feed(api: string, fn: Fn<any, unknown>, items: Iterable<unknown>, chunksize: number, ordered: boolean): AsyncGenerator<unknown> {
    this.#checkRunning(api)
    checkChunksize(api, chunksize)
    // Each chunk's items are checked and encoded when it is sent (ClusterConnection.chunk).
    const input = chunkReader(items, chunksize, (value) => ({ value, shared: false }))
    let done!: () => void
    const feeding = new Promise<void>((resolve) => (done = resolve))
    this.#feeds.add(feeding)
    const feed = new Feed({
      ordered,
      window: FEED_WINDOW,
      read: input.read,
      submit: ({ items: values, start }) => this.#cluster.chunk(`ClusterPool.${api}()`, fn, { values, spread: false, pathOf: (i) => `items[${start + i}]` }, 0, values.length).values,
      ended: () => {
        this.#feeds.delete(feeding)
        done()
        input.close()
      },
    })
    return feed.results()
  }

  #checkRunning(api: string): void {
    if (this.#state !== 'running') {
      throw new mp.StateError(`ClusterPool.${api}() cannot be used: the pool is ${this.#state}. Submit every task before close(), or create a new ClusterPool.`)
    }
  }
}

function single(items: Iterable<unknown>): Calls {
  return { values: [...items], spread: false, pathOf: (i) => `items[${i}]` }
}

function tuples(argTuples: Iterable<unknown[]>): Calls {
  return { values: [...argTuples], spread: true, pathOf: (i) => `argTuples[${i}]` }
}

function checkChunksize(api: string, chunksize: number): void {
  if (!Number.isInteger(chunksize) || chunksize < 1) throw invalid(`ClusterPool.${api}()`, 'chunksize', 'a positive whole number', chunksize)
}

/** A callback that throws is reported and never breaks the pool (as in Python). */
function withCallbacks<R>(promise: Promise<R>, { callback, errorCallback }: mp.ResultCallbacks<R>): mp.AsyncResult<R> {
  return newAsyncResult<R>((resolve, reject) => {
    promise.then(
      (value) => (report(() => callback?.(value)), resolve(value)),
      (error: Error) => (report(() => errorCallback?.(error)), reject(error)),
    )
  })
}

function report(run: () => void): void {
  try {
    run()
  } catch (error) {
    console.error(`Exception in a ClusterPool callback (the pool carries on):\n${inspect(error)}`)
  }
}
