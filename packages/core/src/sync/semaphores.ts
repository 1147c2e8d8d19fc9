import { inspect } from 'node:util'
import { StateError, withCode } from '../errors.ts'
import type { WaitOptions } from '../queues.ts'
import { pause, seeded } from '../schedule.ts'
import { validTimeout } from '../timeouts.ts'
import { trace, traceWait, tracing } from '../trace.ts'
import { holding, holdingTaken, registerPrimitive, RESOLVED, SharedPrimitive, TRUE } from './primitive.ts'
import { pollUntil } from './waiting.ts'

/** Two words: the counter, and the bound a BoundedSemaphore may not be released above (-1: none). */
const VALUE = 0
const BOUND = 1
const UNBOUNDED = -1

/**
 * A counter shared between processes (Python's `multiprocessing.Semaphore`): `acquire` takes one,
 * waiting while it is 0; `release` gives one back. A plain Semaphore may be released above its
 * initial value, as in Python; see {@link BoundedSemaphore}.
 * @example
 * const gate = new mp.Semaphore(2)   // at most two processes inside at once
 * await gate.runExclusive(async () => { … })
 */
export class Semaphore extends SharedPrimitive {
  /** @param value The initial count (default 1). */
  constructor(value = 1) {
    super(new.target === BoundedSemaphore ? 'BoundedSemaphore' : 'Semaphore', 2)
    if (this.revived) return
    if (!Number.isInteger(value) || value < 0) {
      throw withCode(new RangeError(`new ${new.target.name}() expects the initial value to be a whole number ≥ 0, got ${inspect(value)}.`), 'ERR_MP_INVALID_ARG')
    }
    this.words[VALUE] = value
    this.words[BOUND] = new.target === BoundedSemaphore ? value : UNBOUNDED
  }

  /** Takes one from the counter, waiting while it is 0 (unless `block` is false, or until `timeout` ms pass: then false). */
  acquire(options?: WaitOptions): Promise<boolean> {
    if (options === undefined && !seeded && this.#tryAcquire()) {
      if (tracing) this.#traceAcquire()
      return TRUE
    }
    return this.#acquireWaiting(options ?? {})
  }

  async #acquireWaiting({ block = true, timeout }: WaitOptions): Promise<boolean> {
    if (seeded) await pause()
    const ms = validTimeout(timeout, `${this.constructor.name}.acquire()`)
    let ok = this.#tryAcquire()
    if (!ok && block) ok = await traceWait('semaphore', { id: this.id }, pollUntil(() => this.#tryAcquire(), ms))
    if (ok && tracing) this.#traceAcquire()
    return ok
  }

  /** Gives one back, waking a waiter. */
  release(): Promise<void> {
    const refusal = this.#releaseOnce()
    return refusal ? Promise.reject(refusal) : RESOLVED
  }

  /** The counter now (it may change at once). */
  getValue(): Promise<number> {
    return Promise.resolve(Atomics.load(this.words, VALUE))
  }

  /** Runs `fn` holding one unit (Python's `with semaphore:`), giving it back even if `fn` throws. */
  runExclusive<T>(fn: () => T | Promise<T>): Promise<T> {
    if (!seeded && this.#tryAcquire()) {
      if (tracing) this.#traceAcquire()
      return holdingTaken(() => this.#releaseOnce(), fn)
    }
    return holding(this, fn)
  }

  /** Gives one unit back; returns why not when that would go above a BoundedSemaphore's bound. */
  #releaseOnce(): StateError | undefined {
    const bound = this.words[BOUND]!
    let traced = false
    for (let value = Atomics.load(this.words, VALUE); ; ) {
      if (bound !== UNBOUNDED && value >= bound) {
        return new StateError(`BoundedSemaphore.release() would raise the counter above its initial value ${bound}: it was released more times than it was acquired.`)
      }
      // Traced before the counter moves, so that a release is always traced before the acquire it allows.
      if (tracing && !traced) traced = (trace('release', { id: this.id, kind: this.constructor.name }), true)
      const seen = Atomics.compareExchange(this.words, VALUE, value, value + 1)
      if (seen === value) return undefined
      value = seen
    }
  }

  #tryAcquire(): boolean {
    for (let value = Atomics.load(this.words, VALUE); value > 0; ) {
      const seen = Atomics.compareExchange(this.words, VALUE, value, value - 1)
      if (seen === value) return true
      value = seen
    }
    return false
  }

  #traceAcquire(): void {
    trace('acquire', { id: this.id, kind: this.constructor.name })
  }
}

/** A Semaphore that may not be released above its initial value: that throws `StateError` (Python: ValueError). */
export class BoundedSemaphore extends Semaphore {}

registerPrimitive('Semaphore', () => new Semaphore())
registerPrimitive('BoundedSemaphore', () => new BoundedSemaphore())
