import type { StateError } from '../errors.ts'
import { Acquirable } from './acquirable.ts'
import { aboveBound, invalidSemaphoreValue } from './messages.ts'
import { registerPrimitive, type PrimitiveHandle } from './primitive.ts'

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
export class Semaphore extends Acquirable {
  protected readonly waitsAs = 'semaphore'

  /** @param value The initial count (default 1). */
  constructor(value?: number)
  /** @internal The same semaphore, in another process. */
  constructor(value: number, revived: PrimitiveHandle)
  constructor(value = 1, revived?: PrimitiveHandle) {
    super(new.target === BoundedSemaphore ? 'BoundedSemaphore' : 'Semaphore', 2, revived)
    if (this.revived) return
    if (!Number.isInteger(value) || value < 0) {
      throw invalidSemaphoreValue(`new ${new.target.name}()`, value)
    }
    this.words[VALUE] = value
    this.words[BOUND] = new.target === BoundedSemaphore ? value : UNBOUNDED
  }

  /** The counter now (it may change at once). */
  getValue(): Promise<number> {
    return Promise.resolve(Atomics.load(this.words, VALUE))
  }

  /** Gives one unit back; returns why not when that would go above a BoundedSemaphore's bound. */
  protected releaseHold(): StateError | undefined {
    const bound = this.words[BOUND]!
    let traced = false
    for (let value = Atomics.load(this.words, VALUE); ; ) {
      if (bound !== UNBOUNDED && value >= bound) {
        return aboveBound(bound)
      }
      // Traced before the counter moves, so that a release is always traced before the acquire it allows.
      if (!traced) {
        this.traceRelease()
        traced = true
      }
      const seen = Atomics.compareExchange(this.words, VALUE, value, value + 1)
      if (seen === value) return undefined
      value = seen
    }
  }

  protected tryAcquire(): boolean {
    for (let value = Atomics.load(this.words, VALUE); value > 0; ) {
      const seen = Atomics.compareExchange(this.words, VALUE, value, value - 1)
      if (seen === value) return true
      value = seen
    }
    return false
  }
}

/** A Semaphore that may not be released above its initial value: that throws `StateError` (Python: ValueError). */
export class BoundedSemaphore extends Semaphore {}

registerPrimitive('Semaphore', (handle) => new Semaphore(0, handle))
registerPrimitive('BoundedSemaphore', (handle) => new BoundedSemaphore(0, handle))
