import { Deque } from '../deque.ts'
import type { QueueSlots } from './slots.ts'

/**
 * A queue's state, kept by the process that created it (its owner); other processes reach it through
 * the owner's endpoint (servant.ts). Items are already copies here: this module does no I/O.
 *
 * Invariants:
 * - an item waits in `items` only while no getter waits, and a getter waits only while `items` is
 *   empty: `put` hands an item straight to the oldest getter;
 * - `unfinished` counts items put and not yet marked done (JoinableQueue); it never goes below 0, and
 *   every joiner is woken the moment it reaches 0;
 * - in a bounded queue, items here plus items on their way (taken from `slots` by a producer, or sent
 *   to a consumer and not yet taken) never exceed `maxsize`: `slots` holds the rest.
 */

/** A get that waits for an item. */
export interface Getter {
  deliver(item: unknown): void
}

/**
 * How a queue handle reaches the queue: directly in the owner (local.ts), or through a link to the
 * owner (remote.ts). Both wait the same way: `timeout` ms (Infinity: forever), then report that they
 * gave up.
 */
export interface QueueAccess {
  /** Resolves true once the item is in, false if the queue stayed full (no block, or timeout). */
  put(value: unknown, block: boolean, timeout: number): Promise<boolean>
  /** Resolves with the item, or `{ empty: true }` if none came (no block, or timeout). */
  get(block: boolean, timeout: number): Promise<{ item?: unknown; empty?: boolean }>
  size(): Promise<{ size: number; full: boolean }>
  taskDone(): Promise<boolean>
  join(): Promise<void>
  /** Whether a put can complete without waiting for an answer (an unbounded queue in another process). */
  readonly fireAndForget: boolean
}

export class QueueCore {
  readonly #items = new Deque<unknown>()
  readonly #getters = new Deque<Getter>()
  #unfinished = 0
  readonly #joiners: (() => void)[] = []
  /** What a get in the owner waits for first; the servant sets it once the queue is served (see admitLocalGets). */
  #admitLocal: ((then: () => void) => void) | undefined

  /** @param slots A bounded queue's free places (producers take one before they put). */
  constructor(
    readonly maxsize: number,
    readonly slots?: QueueSlots,
  ) {}

  get size(): number {
    return this.#items.length
  }

  full(): boolean {
    return this.maxsize > 0 && this.#items.length >= this.maxsize
  }

  /** Puts `value` (in a bounded queue, its producer has taken a place for it). */
  put(value: unknown): void {
    this.#unfinished++
    const getter = this.#getters.shift()
    if (getter) getter.deliver(value)
    else this.#items.push(value)
  }

  /** The next item, or `found: false` if the queue is empty. */
  tryGet(): { found: boolean; item?: unknown } {
    if (this.#items.length === 0) return { found: false }
    return { found: true, item: this.#items.shift() }
  }

  /** Waits for an item: `getter.deliver()` runs with it. */
  waitToGet(getter: Getter): void {
    this.#getters.push(getter)
  }

  /** Stops a getter waiting; false if it was no longer waiting (its item is on its way). */
  stopWaiting(getter: Getter): boolean {
    return this.#getters.remove((g) => g === getter)
  }

  /** Puts back items that were on their way to a consumer that died, ahead of the rest, in order. */
  giveBack(items: unknown[]): void {
    for (let i = items.length - 1; i >= 0; i--) this.#items.unshift(items[i])
    while (this.#getters.length > 0 && this.#items.length > 0) this.#getters.shift()!.deliver(this.#items.shift())
  }

  /** JoinableQueue's task_done(); false if called more times than items were put. */
  taskDone(): boolean {
    if (this.#unfinished === 0) return false
    if (--this.#unfinished === 0) for (const wake of this.#joiners.splice(0)) wake()
    return true
  }

  /** Runs `wake` once every item put so far has been marked done. */
  whenAllDone(wake: () => void): void {
    if (this.#unfinished === 0) wake()
    else this.#joiners.push(wake)
  }

  /**
   * From now on a get in the owner first passes `admit`: once the queue is served to other processes,
   * a consumer elsewhere may hold items fetched ahead, which it must give back first (see servant.ts).
   */
  admitLocalGets(admit: (then: () => void) => void): void {
    this.#admitLocal = admit
  }

  /** Resolves when a get in the owner may take items. */
  localGetAdmitted(): Promise<void> | undefined {
    const admit = this.#admitLocal
    return admit && new Promise<void>((then) => admit(then))
  }
}
