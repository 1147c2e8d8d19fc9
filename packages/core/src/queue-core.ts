import { Deque } from './deque.ts'

/**
 * A queue's state, kept by the process that created it (its owner); other processes reach it through
 * the owner's endpoint (queue-server.ts). Items are already copies here: this module does no I/O.
 */

/** A get that waits for an item. */
export interface Getter {
  deliver(item: unknown): void
}

/** A put that waits for room in a bounded queue. */
export interface Putter {
  value: unknown
  accept(): void
}

export class QueueCore {
  readonly items = new Deque<unknown>()
  readonly getters = new Deque<Getter>()
  readonly putters = new Deque<Putter>()
  /**
   * Set once the queue is served to other processes: a get in the owner passes through it, so that a
   * consumer elsewhere first gives back the items it fetched ahead (see queue-server.ts).
   */
  gate: ((then: () => void) => void) | undefined
  /** JoinableQueue: items put and not yet marked done. */
  unfinished = 0
  readonly joiners: (() => void)[] = []

  constructor(readonly maxsize: number) {}

  full(): boolean {
    return this.maxsize > 0 && this.items.length >= this.maxsize
  }

  /** Puts `value` now if there is room (or someone waiting for it); false if the queue is full. */
  tryPut(value: unknown): boolean {
    if (this.full()) return false
    this.#admit(value)
    return true
  }

  /** Waits for room: `putter.accept()` runs once its value is in. */
  waitToPut(putter: Putter): void {
    this.putters.push(putter)
  }

  /** The next item, or `undefined` (with `found` false) if the queue is empty. */
  tryGet(): { found: boolean; item?: unknown } {
    if (this.items.length === 0) return { found: false }
    const item = this.items.shift()
    // The item taken made room: let a waiting put in.
    while (!this.full() && this.putters.length > 0) {
      const putter = this.putters.shift()!
      this.#admit(putter.value)
      putter.accept()
    }
    return { found: true, item }
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

  #admit(value: unknown): void {
    this.unfinished++
    const getter = this.getters.shift()
    if (getter) getter.deliver(value)
    else this.items.push(value)
  }
}
