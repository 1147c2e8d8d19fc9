import { inspect } from 'node:util'
import { withCode } from './errors.ts'

/**
 * Checks a timeout argument (milliseconds; `undefined` or `Infinity` waits forever) and returns it as a number.
 * @param api The public call, for the message: `Process.join()`.
 */
export function validTimeout(timeout: number | undefined | null, api: string): number {
  if (timeout === undefined || timeout === null) return Infinity
  if (typeof timeout !== 'number' || Number.isNaN(timeout) || timeout < 0) {
    throw withCode(
      new RangeError(`${api} expects \`timeout\` to be a number of milliseconds ≥ 0 (or undefined to wait forever), got ${inspect(timeout)}.`),
      'ERR_MP_INVALID_ARG',
    )
  }
  return timeout
}

/**
 * A promise that resolves after `ms` milliseconds, like Python's `time.sleep` (which is seconds).
 * @example await mp.sleep(100)
 */
export function sleep(ms: number): Promise<void> {
  const wait = validTimeout(ms, 'sleep()')
  return wait === Infinity ? new Promise(() => {}) : new Promise((done) => setTimeout(done, wait))
}
