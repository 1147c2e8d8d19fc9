import { validTimeout } from '../timeouts.ts'
import { trace, traceWait, tracing } from '../trace.ts'
import { registerPrimitive, rejectOnThrow, RESOLVED, SharedPrimitive, TRUE, type PrimitiveHandle } from './primitive.ts'
import { pollUntil } from './waiting.ts'

const FLAG = 0

/**
 * A flag shared between processes (Python's `multiprocessing.Event`): `wait` until some process `set`s it.
 * @example
 * const go = new mp.Event()       // children: await go.wait()
 * await go.set()                  // parent: let them all go
 */
export class Event extends SharedPrimitive {
  constructor()
  /** @internal The same event, in another process. */
  constructor(revived: PrimitiveHandle)
  constructor(revived?: PrimitiveHandle) {
    super('Event', 1, revived)
  }

  /** Sets the flag: every waiter wakes, and later waits return at once. */
  set(): Promise<void> {
    if (tracing) trace('set', { id: this.id })
    Atomics.store(this.words, FLAG, 1)
    return RESOLVED
  }

  /** Clears the flag: later waits wait again. */
  clear(): Promise<void> {
    Atomics.store(this.words, FLAG, 0)
    return RESOLVED
  }

  /** Whether the flag is set. */
  isSet(): Promise<boolean> {
    return Promise.resolve(this.#isSet())
  }

  /** Waits until the flag is set; resolves false if `timeout` ms passed first. */
  wait(timeout?: number): Promise<boolean> {
    return rejectOnThrow(() => {
      const ms = validTimeout(timeout, 'Event.wait()')
      if (this.#isSet()) {
        this.#tracePass()
        return TRUE
      }
      return traceWait('event', { id: this.id }, pollUntil(() => this.#isSet(), ms)).then((passed) => {
        if (passed) this.#tracePass()
        return passed
      })
    })
  }

  // Traced whether the wait blocked or not, so a check can tell a process that waited on the event from one that slept.
  #tracePass(): void {
    if (tracing) trace('pass', { id: this.id, kind: 'Event' })
  }

  #isSet(): boolean {
    return Atomics.load(this.words, FLAG) === 1
  }
}

registerPrimitive('Event', (handle) => new Event(handle))
