import { TimeoutError } from '../errors.ts'
import { keepAliveWhile } from '../keep-alive.ts'
import { settledWithin, validTimeout } from '../timeouts.ts'
import type { Future } from './future.ts'

/** `wait()` returns when any future finishes. */
export const FIRST_COMPLETED = 'FIRST_COMPLETED'
/** `wait()` returns when any future fails (or all finish). */
export const FIRST_EXCEPTION = 'FIRST_EXCEPTION'
/** `wait()` returns when every future is done. */
export const ALL_COMPLETED = 'ALL_COMPLETED'

export type ReturnWhen = typeof FIRST_COMPLETED | typeof FIRST_EXCEPTION | typeof ALL_COMPLETED

/** Resolves the next time one of `futures` is done (at once if one already is). */
function nextDone(futures: Iterable<Future<any>>): Promise<void> {
  return new Promise((resolve) => {
    for (const future of futures) future.addDoneCallback(() => resolve())
  })
}

async function failed(future: Future<any>): Promise<boolean> {
  return !future.cancelled() && (await future.exception()) !== null
}

/**
 * Waits until `returnWhen` holds, or `timeout` ms; returns the futures done and not done, as Python's
 * `concurrent.futures.wait`.
 * @example
 * const { done, notDone } = await wait(futures, { returnWhen: FIRST_COMPLETED })
 */
export async function wait<T>(futures: Iterable<Future<T>>, { timeout, returnWhen = ALL_COMPLETED }: { timeout?: number; returnWhen?: ReturnWhen } = {}): Promise<{ done: Set<Future<T>>; notDone: Set<Future<T>> }> {
  const all = [...futures]
  const deadline = Date.now() + validTimeout(timeout, 'wait()')
  for (;;) {
    const done = all.filter((f) => f.done())
    const enough =
      done.length === all.length ||
      (returnWhen === FIRST_COMPLETED && done.length > 0) ||
      (returnWhen === FIRST_EXCEPTION && (await Promise.all(done.map(failed))).some(Boolean))
    const left = deadline - Date.now()
    if (enough || left <= 0) return { done: new Set(done), notDone: new Set(all.filter((f) => !f.done())) }
    await keepAliveWhile(settledWithin(nextDone(all.filter((f) => !f.done())), left))
  }
}

/**
 * Yields each future as it finishes (Python's `as_completed`); throws `TimeoutError` if some are not
 * done within `timeout` ms. (Not an async generator: `yield` would await each future, being thenable,
 * and hand out its value instead of the future.)
 * @example
 * for await (const future of asCompleted(futures)) console.log(await future.result())
 */
export function asCompleted<T>(futures: Iterable<Future<T>>, timeout?: number): AsyncIterableIterator<Future<T>> {
  const waiting = new Set(futures)
  const ready: Future<T>[] = []
  const deadline = Date.now() + validTimeout(timeout, 'asCompleted()')
  const iterator: AsyncIterableIterator<Future<T>> = {
    async next(): Promise<IteratorResult<Future<T>>> {
      if (ready.length === 0 && waiting.size > 0) {
        const { done } = await wait(waiting, { returnWhen: FIRST_COMPLETED, timeout: Math.max(0, deadline - Date.now()) })
        if (done.size === 0) throw new TimeoutError(`asCompleted() timed out: ${waiting.size} future(s) not done after ${timeout} ms.`)
        for (const future of done) {
          waiting.delete(future)
          ready.push(future)
        }
      }
      const value = ready.shift()
      return value ? { value, done: false } : { value: undefined, done: true }
    },
    [Symbol.asyncIterator]() {
      return iterator
    },
  }
  return iterator
}
