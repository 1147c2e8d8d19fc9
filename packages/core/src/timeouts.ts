import { inspect } from 'node:util'
import { withCode } from './errors.ts'

/**
 * Options of a waiting call (a queue's put and get, a lock's acquire): `block: false` never waits;
 * `timeout` (ms) bounds the wait.
 */
export interface WaitOptions {
  block?: boolean
  timeout?: number
}

/**
 * Checks a timeout argument (milliseconds; `undefined` or `Infinity` waits forever) and returns it as a
 * number. A negative timeout means "do not wait", as in Python (`join(-1)`, `poll(-1)`), and becomes 0.
 * @param api The public call, for the message: `Process.join()`.
 */
export function validTimeout(timeout: number | undefined | null, api: string): number {
  if (timeout === undefined || timeout === null) return Infinity
  if (typeof timeout !== 'number' || Number.isNaN(timeout)) {
    throw withCode(
      new RangeError(`${api} expects \`timeout\` to be a number of milliseconds (0 or less: do not wait; undefined or Infinity: wait forever), got ${inspect(timeout)}.`),
      'ERR_MP_INVALID_ARG',
    )
  }
  return Math.max(timeout, 0)
}

/**
 * Resolves once `promise` settles (either way), or after `ms` milliseconds (Infinity: no limit),
 * whichever comes first; the timer is cleared, so it never keeps the process alive afterwards.
 * Callers look at their own state to learn which came first.
 */
export async function settledWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  const settled = promise.then(
    () => {},
    () => {},
  )
  if (ms === Infinity) return settled
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([settled, new Promise<void>((done) => (timer = setTimeout(done, ms)))])
  } finally {
    clearTimeout(timer)
  }
}

/** Runs `giveUp` after `ms` unless the returned function cancels it first; Infinity never gives up. */
export function afterTimeout(ms: number, giveUp: () => void): () => void {
  if (ms === Infinity) return () => {}
  const timer = setTimeout(giveUp, ms)
  return () => clearTimeout(timer)
}

const sleeper = new Int32Array(new SharedArrayBuffer(4))

/** Blocks this thread for `ms` milliseconds (where a wait must be synchronous: element access, `Process.start()`). */
export function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms)
}

/**
 * A promise that resolves after `ms` milliseconds, like Python's `time.sleep` (which is seconds).
 * @example await mp.sleep(100)
 */
export function sleep(ms: number): Promise<void> {
  const wait = validTimeout(ms, 'sleep()')
  return wait === Infinity ? new Promise(() => {}) : new Promise((done) => setTimeout(done, wait))
}
