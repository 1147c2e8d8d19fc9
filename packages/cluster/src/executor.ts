import { inspect } from 'node:util'
import * as mp from '@proclab/core'
import type { Future } from '@proclab/core/futures'
import { mapFutures } from '@proclab/core/tooling'
import { ClusterConnection, invalid, type ClusterOptions } from './caller/cluster.ts'
import { newFuture } from './core-bridge.ts'

/** Options of a {@link ClusterExecutor}: those of a ClusterPool, with `maxWorkers` as ProcessPoolExecutor names it. */
export interface ClusterExecutorOptions extends Omit<ClusterOptions, 'processes'> {
  /** With a private cluster: how many processes its local worker runs; default `cpuCount()`. */
  maxWorkers?: number
}

/**
 * `concurrent.futures.ProcessPoolExecutor`'s API on a cluster: `submit` returns core's own `Future`, so
 * `asCompleted` and `wait` from `@proclab/core/futures` work with it. Unlike a local executor, a worker
 * that dies does not break it: its tasks run again on another worker. A future can be cancelled until
 * its task is sent to Redis; from then on it counts as running.
 * @example
 * await using executor = new ClusterExecutor({ redis: 'redis://10.0.0.5:6379' })
 * const f = executor.submit(square, 3)
 * console.log(await f.result()) // 9
 */
export class ClusterExecutor {
  readonly #cluster: ClusterConnection
  readonly #futures = new Set<Future<any>>()
  #shutdown = false
  #finished: Promise<void> | undefined

  constructor({ maxWorkers, ...options }: ClusterExecutorOptions = {}) {
    if (maxWorkers !== undefined && (!Number.isInteger(maxWorkers) || maxWorkers < 1)) throw invalid('new ClusterExecutor()', 'maxWorkers', 'a positive whole number', maxWorkers)
    this.#cluster = new ClusterConnection({ ...options, ...(maxWorkers === undefined ? {} : { processes: maxWorkers }) }, 'new ClusterExecutor()')
  }

  /** Schedules `fn(...args)` on a worker. */
  submit<A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, ...args: A): Future<Awaited<R>> {
    if (this.#shutdown) throw new mp.StateError('ClusterExecutor.submit() cannot be used after shutdown(): create a new executor.')
    let withdraw = () => false
    const control = newFuture<Awaited<R>>(() => withdraw())
    const chunk = this.#cluster.chunk('ClusterExecutor.submit()', fn, { values: [args], spread: true, pathOf: () => 'args' }, 0, 1, () => void control.start())
    withdraw = chunk.withdraw
    chunk.values.then(
      ([value]) => control.settle({ value: value as Awaited<R> }),
      (error: Error) => control.settle({ error }),
    )
    const { future } = control
    this.#futures.add(future)
    future.addDoneCallback(() => this.#futures.delete(future))
    return future
  }

  /**
   * `fn(item)` for every item, as an async iterable of results in input order. As in Python, every call
   * is submitted at once, by this call; `timeout` ms bounds the whole, counted from here.
   */
  map<T, R>(fn: (item: T) => R | Promise<R>, items: Iterable<T>, { timeout }: { timeout?: number } = {}): AsyncGenerator<Awaited<R>> {
    return mapFutures('ClusterExecutor.map()', (item: T) => this.submit(fn, item), items, timeout)
  }

  /**
   * No more tasks. `wait`: resolve once every submitted task has finished and the executor has left the
   * cluster. `cancelFutures`: cancel every future not sent to the cluster yet.
   */
  async shutdown({ wait = true, cancelFutures = false }: { wait?: boolean; cancelFutures?: boolean } = {}): Promise<void> {
    this.#shutdown = true
    if (cancelFutures) for (const future of this.#futures) future.cancel()
    const finished = (this.#finished ??= this.#cluster.finish())
    if (wait) await finished
  }

  /** `await using executor = …`: shutdown({ wait: true }) at scope exit, as Python's `with`. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.shutdown({ wait: true })
  }

  toString(): string {
    return `<ClusterExecutor${this.#shutdown ? ' shut down' : ''} pending=${this.#futures.size}>`
  }

  [inspect.custom](): string {
    return this.toString()
  }
}
