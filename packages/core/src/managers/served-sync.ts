import { aboveBound, conditionLockNeeded, invalidSemaphoreValue, lockNotHeld, notTheHolder } from '../sync/messages.ts'
import { validTimeout, type WaitOptions } from '../timeouts.ts'
import { EXPOSED, TAKES_CALLER, type Caller } from './serving.ts'
import { Waiters } from './waiters.ts'

/**
 * The synchronization objects a Manager's server keeps for its proxies. The server runs one event
 * loop, so each is a few fields and a line of waiters; what needs care is *who* calls: a proxy's
 * calls arrive with its connection as the caller, which owns a lock it acquired. When a connection
 * closes (its process ended or died), the locks it held are released, so a dead holder never blocks
 * the others.
 */


/** Lock and RLock: owned by the connection that acquired it. */
export class ServedLock {
  static readonly [EXPOSED] = ['acquire', 'release']
  readonly [TAKES_CALLER] = true
  #owner: Caller | undefined
  #holds = 0
  readonly #waiters = new Waiters()
  readonly #watched = new WeakSet<Caller>()

  constructor(readonly reentrant: boolean) {}

  async acquire(caller: Caller, { block = true, timeout }: WaitOptions = {}): Promise<boolean> {
    const ms = validTimeout(timeout, `${this.#name}.acquire()`)
    for (const deadline = performance.now() + ms; ; ) {
      if (this.#owner === undefined || (this.reentrant && this.#owner === caller)) {
        this.#take(caller)
        return true
      }
      const left = deadline - performance.now()
      if (!block || left <= 0) return false
      await this.#waiters.wait(left)
    }
  }

  release(caller: Caller): void {
    if (this.reentrant && this.#owner !== caller) throw notTheHolder(this.#owner === undefined ? 'nobody does' : 'another process does')
    if (this.#owner === undefined) throw lockNotHeld('Lock')
    if (--this.#holds === 0) this.#free()
  }

  /** Whether `caller` holds the lock (a Condition's wait needs it to). */
  heldBy(caller: Caller): boolean {
    return this.#owner === caller
  }

  /** Gives up every hold (the caller's: a Condition checked) for a Condition wait; returns how many to take back. */
  releaseAll(): number {
    const holds = this.#holds
    this.#holds = 0
    this.#free()
    return holds
  }

  /**
   * Takes the lock back after a Condition wait, with the holds it had: afresh, not re-entrantly,
   * because the caller's other code (the notifier, on the same connection) may hold it right now.
   */
  async restore(caller: Caller, holds: number): Promise<void> {
    while (this.#owner !== undefined) await this.#waiters.wait(Infinity)
    this.#take(caller)
    this.#holds = holds
  }

  #take(caller: Caller): void {
    this.#owner = caller
    this.#holds++
    if (!this.#watched.has(caller)) {
      this.#watched.add(caller)
      // Better than Python: a holder whose process is gone does not hold the lock forever.
      caller.onGone(() => {
        if (this.#owner === caller) {
          this.#holds = 0
          this.#free()
        }
      })
    }
  }

  #free(): void {
    this.#owner = undefined
    this.#waiters.wakeOne()
  }

  get #name(): string {
    return this.reentrant ? 'RLock' : 'Lock'
  }
}

export class ServedSemaphore {
  readonly [TAKES_CALLER] = true
  #value: number
  readonly #bound: number | undefined
  readonly #waiters = new Waiters()

  constructor(value = 1, bounded = false) {
    if (!Number.isInteger(value) || value < 0) {
      throw invalidSemaphoreValue(`manager.${bounded ? 'BoundedSemaphore' : 'Semaphore'}()`, value)
    }
    this.#value = value
    this.#bound = bounded ? value : undefined
  }

  async acquire(_caller: Caller, { block = true, timeout }: WaitOptions = {}): Promise<boolean> {
    const ms = validTimeout(timeout, 'Semaphore.acquire()')
    for (const deadline = performance.now() + ms; ; ) {
      if (this.#value > 0) {
        this.#value--
        return true
      }
      const left = deadline - performance.now()
      if (!block || left <= 0) return false
      await this.#waiters.wait(left)
    }
  }

  release(_caller: Caller): void {
    if (this.#bound !== undefined && this.#value >= this.#bound) {
      throw aboveBound(this.#bound)
    }
    this.#value++
    this.#waiters.wakeOne()
  }

  getValue(_caller: Caller): number {
    return this.#value
  }
}

export class ServedEvent {
  #flag = false
  readonly #waiters = new Waiters()

  set(): void {
    this.#flag = true
    this.#waiters.wakeAll()
  }
  clear(): void {
    this.#flag = false
  }
  isSet(): boolean {
    return this.#flag
  }
  async wait(timeout?: number): Promise<boolean> {
    const ms = validTimeout(timeout, 'Event.wait()')
    return this.#flag || (await this.#waiters.wait(ms)) || this.#flag
  }
}

export class ServedCondition {
  readonly [TAKES_CALLER] = true
  readonly #lock: ServedLock
  readonly #waiters = new Waiters()

  constructor(lock?: ServedLock) {
    this.#lock = lock ?? new ServedLock(true)
  }

  acquire(caller: Caller, options?: WaitOptions): Promise<boolean> {
    return this.#lock.acquire(caller, options)
  }

  release(caller: Caller): void {
    this.#lock.release(caller)
  }

  async wait(caller: Caller, timeout?: number): Promise<boolean> {
    const ms = validTimeout(timeout, 'Condition.wait()')
    this.#assertHeld(caller, 'wait')
    const holds = this.#lock.releaseAll()
    try {
      return await this.#waiters.wait(ms)
    } finally {
      await this.#lock.restore(caller, holds)
    }
  }

  notify(caller: Caller, n = 1): void {
    this.#assertHeld(caller, 'notify')
    for (let i = 0; i < n && this.#waiters.wakeOne(); i++);
  }

  notifyAll(caller: Caller): void {
    this.#assertHeld(caller, 'notifyAll')
    this.#waiters.wakeAll()
  }

  #assertHeld(caller: Caller, api: string): void {
    if (!this.#lock.heldBy(caller)) throw conditionLockNeeded(api)
  }
}
