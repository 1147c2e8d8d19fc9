import { inspect } from 'node:util'
import { StateError, withCode } from '../errors.ts'
import { isRunning } from '../pids.ts'
import { reviveHandle, SHARED } from '../reduction.ts'
import { validTimeout } from '../timeouts.ts'
import { traceWait } from '../trace.ts'
import { whenSendsArrived } from '../transport/index.ts'
import { Lock, RLock } from './locks.ts'
import { conditionLockNeeded } from './messages.ts'
import { holding, registerPrimitive, rejectOnThrow, RESOLVED, SharedPrimitive, type PrimitiveHandle } from './primitive.ts'
import { pollUntil } from './waiting.ts'

/**
 * Words: the oldest ticket that may still wait, the next ticket to hand out, then a ring of slots of
 * two words: the state and the waiter's pid. A waiter takes a ticket and puts `ticket + 1` in its
 * slot; `notify` turns that into `-(ticket + 1)`; a waiter that gives up empties its slot (0). A slot
 * whose waiter has died (killed while waiting) is emptied by the next notify or wait that meets it:
 * the notify goes to a live waiter instead, and the slot can be used again. Everything but the
 * waiter's own polling happens while holding the condition's lock, as in Python.
 */
const HEAD = 0
const NEXT = 1
const SLOTS = 128
const FIRST_SLOT = 2
const SLOT_WORDS = 2
const PID = 1

/** The state word of a ticket's slot (its pid is the next word). */
function slotOf(ticket: number): number {
  return FIRST_SLOT + (ticket % SLOTS) * SLOT_WORDS
}

/**
 * A condition variable shared between processes (Python's `multiprocessing.Condition`): while holding
 * its lock, `wait` until another process `notify`s, or `waitFor` a predicate to become true.
 * @example
 * await cond.runExclusive(async () => { await cond.waitFor(() => ready.value === 1) })
 */
export class Condition extends SharedPrimitive {
  readonly #lock: Lock | RLock

  /** @param lock The lock to use (a `Lock` or `RLock`); a new `RLock` by default, as in Python. */
  constructor(lock?: Lock | RLock)
  /** @internal The same condition, in another process. */
  constructor(lock: undefined, revived: PrimitiveHandle)
  constructor(lock?: Lock | RLock, revived?: PrimitiveHandle) {
    super('Condition', FIRST_SLOT + SLOTS * SLOT_WORDS, revived)
    if (this.revived) {
      this.#lock = reviveHandle(this.revived.lock as never) as Lock | RLock
      return
    }
    if (lock !== undefined && !(lock instanceof Lock) && !(lock instanceof RLock)) {
      throw withCode(new TypeError(`new Condition() expects a Lock or an RLock (or nothing, for a new RLock), got ${inspect(lock)}.`), 'ERR_MP_INVALID_ARG')
    }
    this.#lock = lock ?? new RLock()
  }

  protected override handleFields(): Record<string, unknown> {
    return { lock: this.#lock[SHARED].handle() }
  }

  /** Takes the condition's lock (see `Lock.acquire`). */
  acquire(options?: { block?: boolean; timeout?: number }): Promise<boolean> {
    return this.#lock.acquire(options)
  }

  /** Releases the condition's lock. */
  release(): Promise<void> {
    return this.#lock.release()
  }

  /** Runs `fn` holding the condition's lock (Python's `with cond:`). */
  runExclusive<T>(fn: () => T | Promise<T>): Promise<T> {
    return holding(this, fn)
  }

  /**
   * Releases the lock, waits until notified (or `timeout` ms pass), takes the lock back. Resolves
   * whether it was notified. The caller must hold the lock.
   */
  async wait(timeout?: number): Promise<boolean> {
    const ms = validTimeout(timeout, 'Condition.wait()')
    this.#assertHeld('wait')
    // As a release does: what was sent under the lock reaches its owners before another process holds it.
    const sent = whenSendsArrived()
    if (sent) await sent
    const words = this.words
    const ticket = words[NEXT]!
    const slot = slotOf(ticket)
    if (words[slot] !== 0 && !this.#reclaimIfDead(slot)) {
      throw new StateError(`Condition.wait(): more than ${SLOTS} processes are waiting on this condition at once; proclab supports up to ${SLOTS}.`)
    }
    words[NEXT] = ticket + 1
    words[slot + PID] = process.pid
    Atomics.store(words, slot, ticket + 1)
    const holds = this.#lock.releaseForWait()
    let notified = await traceWait('condition', { id: this.id }, pollUntil(() => Atomics.load(words, slot) === -(ticket + 1), ms))
    // Gave up: withdraw, unless a notify got there first (then it counts as notified).
    if (!notified) notified = Atomics.compareExchange(words, slot, ticket + 1, 0) !== ticket + 1
    Atomics.store(words, slot, 0)
    await this.#lock.restoreAfterWait(holds)
    return notified
  }

  /**
   * Waits until `predicate()` is true (checking it first, and again after each notify), or `timeout`
   * ms pass; resolves the predicate's last value. The caller must hold the lock.
   */
  waitFor<T>(predicate: () => T | Promise<T>, timeout?: number): Promise<T> {
    return waitForPredicate(predicate, (left) => this.wait(left), validTimeout(timeout, 'Condition.waitFor()'))
  }

  /** Wakes up to `n` (default 1) of the processes waiting, oldest first. The caller must hold the lock. */
  notify(n = 1): Promise<void> {
    return this.#notify(n, 'notify')
  }

  /** Wakes every process waiting. The caller must hold the lock. */
  notifyAll(): Promise<void> {
    return this.#notify(Infinity, 'notifyAll')
  }

  #notify(n: number, api: string): Promise<void> {
    return rejectOnThrow(() => {
      this.#assertHeld(api)
      const words = this.words
      const next = words[NEXT]!
      let head = words[HEAD]!
      for (let ticket = head; ticket < next && n > 0; ticket++) {
        const slot = slotOf(ticket)
        if (Atomics.load(words, slot) !== ticket + 1 || this.#reclaimIfDead(slot)) continue
        if (Atomics.compareExchange(words, slot, ticket + 1, -(ticket + 1)) === ticket + 1) n--
      }
      // Later notifies need not look at tickets that no longer wait.
      while (head < next && Atomics.load(words, slotOf(head)) !== head + 1) head++
      words[HEAD] = head
      return RESOLVED
    })
  }

  /** Empties `slot` if the process that waits in it has died; whether it did. */
  #reclaimIfDead(slot: number): boolean {
    if (isRunning(this.words[slot + PID]!)) return false
    Atomics.store(this.words, slot, 0)
    return true
  }

  #assertHeld(api: string): void {
    if (!this.#lock.isMine()) {
      throw conditionLockNeeded(api)
    }
  }
}

registerPrimitive('Condition', (handle) => new Condition(undefined, handle))

/**
 * Python's `Condition.wait_for`: checks `predicate`, and while it is false, `wait`s (for what is left
 * of `timeout` ms) and checks again; resolves its last value. Shared by Condition and its manager proxy.
 */
export async function waitForPredicate<T>(predicate: () => T | Promise<T>, wait: (timeout: number | undefined) => Promise<unknown>, timeout: number): Promise<T> {
  const deadline = performance.now() + timeout
  let result = await predicate()
  while (!result) {
    const left = deadline - performance.now()
    if (left <= 0) break
    await wait(left === Infinity ? undefined : left)
    result = await predicate()
  }
  return result
}
