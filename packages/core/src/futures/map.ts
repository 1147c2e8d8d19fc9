import { validTimeout } from '../timeouts.ts'
import type { Future } from './future.ts'

/**
 * `Executor.map()` as Python's: every call is submitted now, at the map call (so a `shutdown()` before
 * the first iteration still runs them all, and `timeout` counts from here); the results are then yielded
 * in input order, each waited for until the deadline. Leaving the loop early, or a failure, cancels the
 * futures no worker has started. Shared by ProcessPoolExecutor and the cluster's executor.
 * @param api The public call, for messages: `ProcessPoolExecutor.map()`.
 * @param submit The executor's own `submit(fn, item)`.
 */
export function mapFutures<T, R>(api: string, submit: (item: T) => Future<R>, items: Iterable<T>, timeout: number | undefined): AsyncGenerator<R> {
  const ms = validTimeout(timeout, api)
  const deadline = Date.now() + ms
  const futures = Array.from(items, submit)
  return inOrder(futures, deadline)
}

async function* inOrder<R>(futures: Future<R>[], deadline: number): AsyncGenerator<R> {
  try {
    for (const future of futures) yield await future.result(deadline === Infinity ? undefined : Math.max(0, deadline - Date.now()))
  } finally {
    for (const future of futures) future.cancel()
  }
}
