import { pollUntil } from '../sync/waiting.ts'
import { registerPrimitive, SharedPrimitive, type PrimitiveHandle } from '../sync/primitive.ts'

/**
 * The free places of a bounded queue, counted in shared memory, as Python's Queue counts them with a
 * semaphore: a producer in any process takes a place before it sends its item, and the place is given
 * back when a consumer takes an item. So a put waits for room without asking the queue's owner, and
 * the items in the queue plus those on their way never exceed `maxsize`.
 */
export class QueueSlots extends SharedPrimitive {
  constructor(size = 0, revived?: PrimitiveHandle) {
    super('QueueSlots', 1, revived)
    if (!this.revived) this.words[0] = size
  }

  /** Takes a place: at once, or waiting up to `timeout` ms (not at all without `block`); false if none came. */
  take(block: boolean, timeout: number): Promise<boolean> | boolean {
    if (this.#tryTake()) return true
    if (!block || timeout === 0) return false
    return pollUntil(() => this.#tryTake(), timeout)
  }

  /** Gives `count` places back. */
  give(count = 1): void {
    Atomics.add(this.words, 0, count)
  }

  #tryTake(): boolean {
    for (let free = Atomics.load(this.words, 0); free > 0; ) {
      const seen = Atomics.compareExchange(this.words, 0, free, free - 1)
      if (seen === free) return true
      free = seen
    }
    return false
  }
}

registerPrimitive('QueueSlots', (handle) => new QueueSlots(0, handle))
