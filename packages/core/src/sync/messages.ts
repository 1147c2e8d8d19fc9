import { inspect } from 'node:util'
import { BrokenBarrierError, StateError, withCode } from '../errors.ts'

/**
 * The errors of Lock, RLock, Semaphore, BoundedSemaphore, Event, Condition and Barrier, built in one
 * place so that both backends, shared memory (`mp.Lock()`) and a manager's (`manager.Lock()`), say
 * the same thing (test/sync/parity.test.ts runs every behaviour against both). Each builder returns a
 * fresh error, so its stack is the throw site's.
 */

// A Lock released while nobody holds it.
export function lockNotHeld(type: 'Lock' | 'RLock'): StateError {
  return new StateError(`${type}.release() was called on a lock that is not held. Release a lock once per acquire(); runExclusive() does both for you.`)
}

// An RLock released by a process other than its holder; `holder` says who holds it ("nobody does").
export function notTheHolder(holder: string): StateError {
  return new StateError(`RLock.release() was called by a process that does not hold the lock (${holder}). Only the process that acquired an RLock may release it.`)
}

// A BoundedSemaphore released more times than it was acquired.
export function aboveBound(bound: number): StateError {
  return new StateError(`BoundedSemaphore.release() would raise the counter above its initial value ${bound}: it was released more times than it was acquired.`)
}

// A Condition's wait or notify called without holding its lock.
export function conditionLockNeeded(api: string): StateError {
  return new StateError(`Condition.${api}() needs the condition's lock: call it inside \`await cond.runExclusive(async () => { … })\` (or after \`await cond.acquire()\`).`)
}

// A wait on a barrier that is broken, or breaks while the party waits.
export function brokenBarrier(): BrokenBarrierError {
  return new BrokenBarrierError('The barrier is broken (aborted, timed out, or its action threw): create a new Barrier to synchronize again.')
}

// A party waited longer than its timeout: it breaks the barrier for everyone, as in Python.
export function barrierTimedOut(ms: number, arrived: number, parties: number): BrokenBarrierError {
  return new BrokenBarrierError(`Barrier.wait() timed out after ${ms} ms with ${arrived} of ${parties} parties arrived; the barrier is now broken.`)
}

// `api` is the constructor or factory: `new Semaphore()`, `manager.BoundedSemaphore()`.
export function invalidSemaphoreValue(api: string, value: unknown): RangeError {
  return withCode(new RangeError(`${api} expects the initial value to be a whole number ≥ 0, got ${inspect(value)}.`), 'ERR_MP_INVALID_ARG')
}

export function invalidParties(api: string, most: number, parties: unknown): RangeError {
  return withCode(new RangeError(`${api} expects parties to be a whole number from 1 to ${most}, got ${inspect(parties)}.`), 'ERR_MP_INVALID_ARG')
}

export function invalidAction(api: string, action: unknown): TypeError {
  return withCode(new TypeError(`${api} expects \`action\` to be a function, got ${inspect(action)}.`), 'ERR_MP_INVALID_ARG')
}

/** The most parties a barrier counts (one 16-bit field of its shared word); a manager's keeps the same limit. */
export const MAX_PARTIES = 0xffff
