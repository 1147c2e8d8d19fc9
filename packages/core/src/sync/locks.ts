import type { StateError } from '../errors.ts'
import { isRunning } from '../pids.ts'
import { trace, tracing } from '../trace.ts'
import { Acquirable } from './acquirable.ts'
import { lockNotHeld, notTheHolder } from './messages.ts'
import { registerPrimitive, type PrimitiveHandle } from './primitive.ts'
import { pollUntil, pollUntilSync } from './waiting.ts'

/**
 * Lock and RLock. Two words: the pid of the holder (0 when free) and, for an RLock, how many times it
 * holds it. Taking a free lock is one compare-exchange.
 *
 * Better than Python: a lock whose holder process died (killed, crashed) is not held forever. A waiter
 * checks every 100 ms whether the holder still runs, and if not, takes the lock over. The data the dead
 * holder was changing may be half-changed; that is for the program to judge, as after any crash.
 *
 * Owner of an RLock is a process: Node runs a process's JavaScript on one thread, which is what
 * Python's RLock belongs to, so all code of the holding process may re-enter it.
 */

const HOLDER = 0
const COUNT = 1
const pid = process.pid

abstract class BaseLock extends Acquirable {
  protected readonly waitsAs = 'lock'

  protected constructor(type: string, revived: PrimitiveHandle | undefined) {
    super(type, 2, revived)
  }

  protected releaseHold(): StateError | undefined {
    const refusal = this.releaseRefusal()
    if (refusal) return refusal
    this.traceRelease()
    this.releaseOnce()
    return undefined
  }

  protected override whileWaiting(): void {
    this.recoverFromDeadHolder()
  }

  /** Why this process may not release the lock now, or undefined if it may. */
  protected abstract releaseRefusal(): StateError | undefined
  /** Gives up one hold. */
  protected abstract releaseOnce(): void

  /** Whether this process holds the lock (what a Condition checks before `wait`). @internal */
  isMine(): boolean {
    return Atomics.load(this.words, HOLDER) === pid
  }

  /** Frees the lock if its holder no longer runs, so that a waiter can take it. */
  protected recoverFromDeadHolder(): void {
    const holder = Atomics.load(this.words, HOLDER)
    if (holder === 0 || holder === pid || isRunning(holder)) return
    if (Atomics.compareExchange(this.words, HOLDER, holder, 0) === holder) {
      trace('recover', { id: this.id, kind: this.constructor.name, deadHolder: holder })
    }
  }

  /**
   * Takes the lock, waiting synchronously: how a synchronized Array or Value guards each element
   * access (synchronous, as in Python). Untraced: element access is the hot path.
   * @internal
   */
  acquireSync(): void {
    if (!this.tryAcquire()) pollUntilSync(() => this.tryAcquire(), () => this.recoverFromDeadHolder())
  }

  /** Gives up a hold taken by {@link acquireSync}. @internal */
  releaseSync(): void {
    this.releaseOnce()
  }
}

/**
 * A mutual-exclusion lock shared between processes (Python's `multiprocessing.Lock`). Not re-entrant:
 * acquiring it twice without a release waits forever. Any process may release it.
 * @example await lock.runExclusive(async () => { counter.value += 1 })
 */
export class Lock extends BaseLock {
  constructor()
  /** @internal The same lock, in another process. */
  constructor(revived: PrimitiveHandle)
  constructor(revived?: PrimitiveHandle) {
    super('Lock', revived)
  }

  protected tryAcquire(): boolean {
    return Atomics.compareExchange(this.words, HOLDER, 0, pid) === 0
  }

  protected releaseRefusal(): StateError | undefined {
    if (Atomics.load(this.words, HOLDER) !== 0) return undefined
    return lockNotHeld('Lock')
  }

  protected releaseOnce(): void {
    Atomics.store(this.words, HOLDER, 0)
  }

  /** The hold a Condition gives up while it waits, and takes back after. @internal */
  releaseForWait(): number {
    const refusal = this.releaseRefusal()
    if (refusal) throw refusal
    this.releaseOnce()
    return 1
  }

  /** Takes the lock back after a Condition wait. @internal */
  restoreAfterWait(_holds: number): Promise<boolean> {
    return this.acquire()
  }
}

/**
 * A re-entrant lock (Python's `multiprocessing.RLock`): the process holding it may acquire it again,
 * and must release it as many times. Only the holding process may release it.
 */
export class RLock extends BaseLock {
  constructor()
  /** @internal The same lock, in another process. */
  constructor(revived: PrimitiveHandle)
  constructor(revived?: PrimitiveHandle) {
    super('RLock', revived)
  }

  protected tryAcquire(): boolean {
    const words = this.words
    if (Atomics.load(words, HOLDER) === pid) {
      words[COUNT]!++
      return true
    }
    if (Atomics.compareExchange(words, HOLDER, 0, pid) !== 0) return false
    words[COUNT] = 1
    return true
  }

  protected releaseRefusal(): StateError | undefined {
    const holder = Atomics.load(this.words, HOLDER)
    if (holder === pid) return undefined
    return notTheHolder(holder === 0 ? 'nobody does' : `process ${holder} does`)
  }

  protected releaseOnce(): void {
    if (--this.words[COUNT]! === 0) Atomics.store(this.words, HOLDER, 0)
  }

  /** @internal */
  releaseForWait(): number {
    const refusal = this.releaseRefusal()
    if (refusal) throw refusal
    const holds = this.words[COUNT]!
    this.words[COUNT] = 0
    Atomics.store(this.words, HOLDER, 0)
    return holds
  }

  /**
   * Takes the lock back after a Condition wait, with the holds it had: afresh, not re-entrantly,
   * because other code of this process (the notifier) may hold it right now. @internal
   */
  async restoreAfterWait(holds: number): Promise<boolean> {
    const takeFree = () => Atomics.compareExchange(this.words, HOLDER, 0, pid) === 0
    if (!takeFree()) await pollUntil(takeFree, Infinity, () => this.recoverFromDeadHolder())
    this.words[COUNT] = holds
    if (tracing) this.traceAcquire()
    return true
  }

}

registerPrimitive('Lock', (handle) => new Lock(handle))
registerPrimitive('RLock', (handle) => new RLock(handle))
