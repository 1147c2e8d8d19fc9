import * as mp from '@proclab/core'
import { Future } from '@proclab/core/futures'

/**
 * The two places where the cluster builds core's own result objects, so that `AsyncResult` and
 * `Future` (and `asCompleted`/`wait`) are the very classes a Pool's users know. Core documents
 * neither constructor publicly yet; both are reached here, and only here, with a clear error if core
 * changes them.
 */

type Executor<T> = (resolve: (value: T) => void, reject: (error: unknown) => void) => void

/** A core `AsyncResult` settled by `executor`, as a Pool makes one. */
export function newAsyncResult<T>(executor: Executor<T>): mp.AsyncResult<T> {
  return new (mp.AsyncResult as unknown as new (executor: Executor<T>) => mp.AsyncResult<T>)(executor)
}

/** How a future is moved along: core's executor does it with two symbols of its own. */
const transitions = Object.getOwnPropertySymbols(Future.prototype)
const START = transitions.find((symbol) => symbol.description === 'proclab.future.start')
const SETTLE = transitions.find((symbol) => symbol.description === 'proclab.future.settle')

/** A handle on a core `Future`: mark it running, settle it. */
export interface FutureControl<T> {
  future: Future<T>
  start(): boolean
  settle(outcome: { value: T } | { error: Error }): void
}

/** A core `Future` whose `cancel()` calls `withdraw` (true if the task was taken back in time). */
export function newFuture<T>(withdraw: () => boolean): FutureControl<T> {
  if (!START || !SETTLE) throw new Error('@proclab/cluster cannot drive this version of @proclab/core\'s Future: update both packages together.')
  const future = new (Future as unknown as new (withdraw: () => boolean) => Future<T>)(withdraw)
  const control = future as unknown as Record<symbol, (...args: unknown[]) => unknown>
  return {
    future,
    start: () => control[START]!.call(future) as boolean,
    settle: (outcome) => void control[SETTLE]!.call(future, outcome),
  }
}
