import { inspect } from 'node:util'
import { StateError, withCode } from '../errors.ts'
import type { WaitOptions } from '../queues.ts'
import { pause, seeded } from '../schedule.ts'
import { validTimeout } from '../timeouts.ts'
import { trace, traceWait, tracing } from '../trace.ts'
import { FALSE, holding, registerPrimitive, rejectOnThrow, RESOLVED, SharedPrimitive, TRUE } from './primitive.ts'
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
  acquire(options: WaitOptions = {}): Promise<boolean> {
    return seeded ? pause().then(() => this.#acquireNow(options)) : this.#acquireNow(options)
  }

  #acquireNow({ block = true, timeout }: WaitOptions): Promise<boolean> {
    return rejectOnThrow(() => {
      const ms = validTimeout(timeout, `${this.constructor.name}.acquire()`)
      if (this.#tryAcquire()) return this.#acquired(TRUE)
      if (!block) return FALSE
      return this.#acquired(traceWait('semaphore', { id: this.id }, pollUntil(() => this.#tryAcquire(), ms)))
    })
  }

  /** Gives one back, waking a waiter. */
  release(): Promise<void> {
    return rejectOnThrow(() => {
      const bound = this.words[BOUND]!
      if (tracing) trace('release', { id: this.id, kind: this.constructor.name })
      if (bound === UNBOUNDED) {
        Atomics.add(this.words, VALUE, 1)
        return RESOLVED
      }
      for (let value = Atomics.load(this.words, VALUE); ; ) {
        if (value >= bound) {
          throw new StateError(`BoundedSemaphore.release() would raise the counter above its initial value ${bound}: it was released more times than it was acquired.`)
        }
        const seen = Atomics.compareExchange(this.words, VALUE, value, value + 1)
        if (seen === value) return RESOLVED
        value = seen
      }
    })
  }

  /** The counter now (it may change at once). */
  getValue(): Promise<number> {
    return Promise.resolve(Atomics.load(this.words, VALUE))
  }

  /** Runs `fn` holding one unit (Python's `with semaphore:`), giving it back even if `fn` throws. */
  runExclusive<T>(fn: () => T | Promise<T>): Promise<T> {
    return holding(this, fn)
  }

  #tryAcquire(): boolean {
    for (let value = Atomics.load(this.words, VALUE); value > 0; ) {
      const seen = Atomics.compareExchange(this.words, VALUE, value, value - 1)
      if (seen === value) return true
      value = seen
    }
    return false
  }

  async #acquired(outcome: Promise<boolean>): Promise<boolean> {
    const ok = await outcome
    if (ok && tracing) trace('acquire', { id: this.id, kind: this.constructor.name })
    return ok
  }
}

/** A Semaphore that may not be released above its initial value: that throws `StateError` (Python: ValueError). */
export class BoundedSemaphore extends Semaphore {}

registerPrimitive('Semaphore', () => new Semaphore())
registerPrimitive('BoundedSemaphore', () => new BoundedSemaphore())
