import { inspect } from 'node:util'
import { BrokenBarrierError, StateError, withCode } from '../errors.ts'
import { validTimeout, type WaitOptions } from '../timeouts.ts'
import { EXPOSED, TAKES_CALLER, type Caller } from './serving.ts'

/**
 * The synchronization objects a Manager's server keeps for its proxies. The server runs one event
 * loop, so each is a few fields and a line of waiters; what needs care is *who* calls: a proxy's
 * calls arrive with its connection as the caller, which owns a lock it acquired. When a connection
 * closes (its process ended or died), the locks it held are released, so a dead holder never blocks
 * the others.
 */


/** A first-come first-served line of waiters, each woken once, or giving up at its timeout. */
class Waiters {
  readonly #line = new Set<(woken: boolean) => void>()

  /** Resolves true when woken, false when `timeout` ms passed first. */
  wait(timeout: number): Promise<boolean> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined
      const settle = (woken: boolean) => {
        clearTimeout(timer)
        this.#line.delete(settle)
        resolve(woken)
      }
      this.#line.add(settle)
      if (timeout !== Infinity) timer = setTimeout(() => settle(false), timeout)
    })
  }

  /** Wakes the longest waiter; false if nobody waits. */
  wakeOne(): boolean {
    const first = this.#line.values().next()
    if (first.done) return false
    first.value(true)
    return true
  }

  wakeAll(): void {
    for (const settle of [...this.#line]) settle(true)
  }

  get size(): number {
    return this.#line.size
  }
}

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
    if (this.#owner === undefined) throw new StateError(`${this.#name}.release() was called on a lock that is not held. Release once per acquire().`)
    if (this.reentrant && this.#owner !== caller) throw new StateError('RLock.release() was called by a process that does not hold the lock. Only the holder may release an RLock.')
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

  /** Takes the lock back after a Condition wait, with the holds it had. */
  async restore(caller: Caller, holds: number): Promise<void> {
    await this.acquire(caller)
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
      throw withCode(new RangeError(`manager.${bounded ? 'BoundedSemaphore' : 'Semaphore'}() expects a whole number ≥ 0, got ${inspect(value)}.`), 'ERR_MP_INVALID_ARG')
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
      throw new StateError(`BoundedSemaphore.release() would raise the counter above its initial value ${this.#bound}.`)
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
    if (!this.#lock.heldBy(caller)) throw new StateError(`Condition.${api}() needs the condition's lock: acquire it first (or use runExclusive).`)
  }
}

export class ServedBarrier {
  readonly #parties: number
  readonly #timeout: number | undefined
  #arrived = 0
  #broken = false
  #round = new Waiters()

  constructor(parties: number, { timeout }: { timeout?: number } = {}) {
    if (!Number.isInteger(parties) || parties < 1) throw withCode(new RangeError(`manager.Barrier() expects parties ≥ 1, got ${inspect(parties)}.`), 'ERR_MP_INVALID_ARG')
    this.#parties = parties
    this.#timeout = timeout
  }

  async wait(timeout?: number): Promise<number> {
    const ms = validTimeout(timeout ?? this.#timeout, 'Barrier.wait()')
    if (this.#broken) throw brokenBarrier()
    const index = this.#arrived++
    if (this.#arrived === this.#parties) {
      this.#arrived = 0
      const round = this.#round
      this.#round = new Waiters()
      round.wakeAll()
      return index
    }
    const round = this.#round
    const released = await round.wait(ms)
    if (round !== this.#round) return index // the round completed
    if (!released) this.abort() // timed out: breaks it for everyone, as in Python
    throw brokenBarrier()
  }

  abort(): void {
    this.#broken = true
    this.#round.wakeAll()
  }

  parties(): number {
    return this.#parties
  }
  nWaiting(): number {
    return this.#arrived
  }
  broken(): boolean {
    return this.#broken
  }
}

function brokenBarrier(): BrokenBarrierError {
  return new BrokenBarrierError('The barrier is broken (aborted, or a party timed out): create a new Barrier to synchronize again.')
}
