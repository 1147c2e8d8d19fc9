import { Deque } from '../deque.ts'
import type { QueueSlots } from './slots.ts'

/**
 * A queue's state, kept by the process that created it (its owner); other processes reach it through
 * the owner's endpoint (queue-server.ts). Items are already copies here: this module does no I/O.
 */

/** A get that waits for an item. */
export interface Getter {
  deliver(item: unknown): void
}

export class QueueCore {
  readonly items = new Deque<unknown>()
  readonly getters = new Deque<Getter>()
  /**
   * Set once the queue is served to other processes: a get in the owner passes through it, so that a
   * consumer elsewhere first gives back the items it fetched ahead (see queue-server.ts).
   */
  gate: ((then: () => void) => void) | undefined
  /** JoinableQueue: items put and not yet marked done. */
  unfinished = 0
  readonly joiners: (() => void)[] = []

  /** @param slots A bounded queue's free places (producers take one before they put). */
  constructor(
    readonly maxsize: number,
    readonly slots?: QueueSlots,
  ) {}

  full(): boolean {
    return this.maxsize > 0 && this.items.length >= this.maxsize
  }

  /** Puts `value` (in a bounded queue, its producer has taken a place for it). */
  put(value: unknown): void {
    this.unfinished++
    const getter = this.getters.shift()
    if (getter) getter.deliver(value)
    else this.items.push(value)
  }

  /** The next item, or `undefined` (with `found` false) if the queue is empty. */
  tryGet(): { found: boolean; item?: unknown } {
    if (this.items.length === 0) return { found: false }
    return { found: true, item: this.items.shift() }
  }

  /** Waits for an item: `getter.deliver()` runs with it. */
  waitToGet(getter: Getter): void {
    this.getters.push(getter)
  }

  /** Puts back items that were on their way to a consumer that died, ahead of the rest, in order. */
  giveBack(items: unknown[]): void {
    for (let i = items.length - 1; i >= 0; i--) this.items.unshift(items[i])
    while (this.getters.length > 0 && this.items.length > 0) this.getters.shift()!.deliver(this.items.shift())
  }

  /** JoinableQueue's task_done(); false if called more times than items were put. */
  taskDone(): boolean {
    if (this.unfinished === 0) return false
    if (--this.unfinished === 0) for (const wake of this.joiners.splice(0)) wake()
    return true
  }

  /** Runs `wake` once every item put so far has been marked done. */
  whenAllDone(wake: () => void): void {
    if (this.unfinished === 0) wake()
    else this.joiners.push(wake)
  }
}
