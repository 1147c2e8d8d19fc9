import type { StateError } from '../errors.ts'
import { pause, seeded } from '../schedule.ts'
import { validTimeout, type WaitOptions } from '../timeouts.ts'
import { trace, traceWait, tracing } from '../trace.ts'
import { whenSendsArrived } from '../transport/index.ts'
import { holding, holdingTaken, RESOLVED, SharedPrimitive, TRUE } from './primitive.ts'
import { pollUntil } from './waiting.ts'

/**
 * What locks and semaphores share: `acquire` with Python's `block` and `timeout`, `release`,
 * `runExclusive` (Python's `with`), and their trace events. A subclass says how to take and give back
 * one hold in shared memory.
 */
export abstract class Acquirable extends SharedPrimitive {
  /** Takes a hold if that needs no waiting. */
  protected abstract tryAcquire(): boolean
  /** Gives up one hold (traced), or says why this process may not. */
  protected abstract releaseHold(): StateError | undefined
  /** What a waiter is shown waiting on in traces: 'lock', 'semaphore'. */
  protected abstract readonly waitsAs: string
  /** Called every 100 ms or so while waiting (a lock looks for a holder that died). */
  protected whileWaiting(): void {}

  /**
   * Takes a hold. Waits until one is free, unless `block` is false (then resolves false at once), or
   * until `timeout` ms pass (then resolves false).
   */
  acquire(options?: WaitOptions): Promise<boolean> {
    // The common case first: free, no options, no seeded pauses.
    if (options === undefined && !seeded && this.tryAcquire()) {
      if (tracing) this.traceAcquire()
      return TRUE
    }
    return this.#acquireWaiting(options ?? {})
  }

  async #acquireWaiting({ block = true, timeout }: WaitOptions): Promise<boolean> {
    if (seeded) await pause()
    const ms = validTimeout(timeout, `${this.constructor.name}.acquire()`)
    let ok = this.tryAcquire()
    if (!ok && block) ok = await traceWait(this.waitsAs, { id: this.id }, pollUntil(() => this.tryAcquire(), ms, () => this.whileWaiting()))
    if (ok && tracing) this.traceAcquire()
    return ok
  }

  /**
   * Gives the hold back, once what this process sent while holding it (queue puts, pipe sends) has
   * reached the objects' owners: so messages sent under a lock arrive in the order the lock gave.
   */
  release(): Promise<void> {
    const sent = whenSendsArrived()
    return sent ? sent.then(() => this.#releaseNow()) : this.#releaseNow()
  }

  #releaseNow(): Promise<void> {
    const refusal = this.releaseHold()
    return refusal ? Promise.reject(refusal) : RESOLVED
  }

  /** Runs `fn` holding it (Python's `with lock:`), and releases even if `fn` throws. */
  runExclusive<T>(fn: () => T | Promise<T>): Promise<T> {
    if (!seeded && this.tryAcquire()) {
      if (tracing) this.traceAcquire()
      return holdingTaken(() => this.release(), fn)
    }
    return holding(this, fn)
  }

  /** Traced after a hold is taken; a release is traced before it takes effect, so trace order never shows two holders. */
  protected traceAcquire(): void {
    trace('acquire', { id: this.id, kind: this.constructor.name })
  }

  protected traceRelease(): void {
    if (tracing) trace('release', { id: this.id, kind: this.constructor.name })
  }
}
