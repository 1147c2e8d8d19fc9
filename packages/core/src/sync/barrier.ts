import { barrierTimedOut, brokenBarrier, invalidAction, invalidParties, MAX_PARTIES } from './messages.ts'
import { importExport, locateExport } from '../spawn/targets.ts'
import type { TargetRef } from '../transport/index.ts'
import { validTimeout } from '../timeouts.ts'
import { trace, traceWait, tracing } from '../trace.ts'
import { registerPrimitive, RESOLVED, SharedPrimitive, type PrimitiveHandle } from './primitive.ts'
import { pollUntil } from './waiting.ts'

/**
 * Words: the state (generation in the high 16 bits, parties arrived in the low 16, in one word so
 * that arriving is one compare-exchange), and whether the barrier is broken. A generation ends when
 * the last party has run the action: it starts the next generation with nobody arrived.
 */
const STATE = 0
const BROKEN = 1
const COUNT_MASK = MAX_PARTIES
const GENERATIONS = 0x8000

export interface BarrierOptions {
  /** Run by the last party to arrive, before any party is let go. Must be an exported function if the barrier is handed to a child. */
  action?: () => unknown
  /** The default timeout (ms) of `wait()`; a party that waits longer breaks the barrier. */
  timeout?: number
}

/**
 * A barrier for a fixed number of processes (Python's `multiprocessing.Barrier`): each party's `wait`
 * resolves once all `parties` have called it, with a distinct index 0..parties-1 (arrival order).
 * A timeout, an `abort()`, or an action that throws breaks it: every waiting and later `wait` throws
 * `BrokenBarrierError`.
 */
export class Barrier extends SharedPrimitive {
  /** How many parties each round waits for. */
  readonly parties: number
  readonly #timeout: number | undefined
  #action: (() => unknown) | TargetRef | undefined

  constructor(parties: number, options?: BarrierOptions)
  /** @internal The same barrier, in another process. */
  constructor(parties: number, options: BarrierOptions, revived: PrimitiveHandle)
  constructor(parties: number, { action, timeout }: BarrierOptions = {}, revived?: PrimitiveHandle) {
    super('Barrier', 2, revived)
    if (revived) {
      const fields = revived as PrimitiveHandle & { parties: number; timeout?: number; action?: TargetRef }
      this.parties = fields.parties
      this.#timeout = fields.timeout
      this.#action = fields.action
      return
    }
    if (!Number.isInteger(parties) || parties < 1 || parties > COUNT_MASK) {
      throw invalidParties('new Barrier()', COUNT_MASK, parties)
    }
    if (action !== undefined && typeof action !== 'function') {
      throw invalidAction('new Barrier()', action)
    }
    validTimeout(timeout, 'new Barrier()')
    this.parties = parties
    this.#timeout = timeout
    this.#action = action
  }

  protected override handleFields(): Record<string, unknown> {
    const action = typeof this.#action === 'function' ? locateExport(this.#action, 'Barrier', 'action') : this.#action
    return { parties: this.parties, timeout: this.#timeout, action }
  }

  /** How many parties are waiting now. */
  get nWaiting(): number {
    const count = Atomics.load(this.words, STATE) & COUNT_MASK
    return count === this.parties ? 0 : count
  }

  /** Whether the barrier is broken. */
  get broken(): boolean {
    return Atomics.load(this.words, BROKEN) === 1
  }

  /**
   * Waits until all parties have arrived; resolves this party's index (0..parties-1). Throws
   * `BrokenBarrierError` if the barrier is or becomes broken, or if `timeout` ms pass (which breaks it).
   */
  async wait(timeout?: number): Promise<number> {
    const ms = validTimeout(timeout ?? this.#timeout, 'Barrier.wait()')
    const words = this.words
    const deadline = performance.now() + ms
    for (;;) {
      this.#throwIfBroken()
      const state = Atomics.load(words, STATE)
      const arrived = state & COUNT_MASK
      if (arrived >= this.parties) {
        // The last party of the previous round is running the action: wait for the next round.
        await pollUntil(() => Atomics.load(words, STATE) !== state || this.broken, Math.max(deadline - performance.now(), 0))
        if (performance.now() >= deadline && Atomics.load(words, STATE) === state) this.#breakOnTimeout(ms)
        continue
      }
      if (Atomics.compareExchange(words, STATE, state, state + 1) !== state) continue
      const generation = state >>> 16
      if (arrived === this.parties - 1) return this.#tracePass(await this.#release(arrived, generation))
      const released = () => Atomics.load(words, STATE) >>> 16 !== generation || this.broken
      const inTime = await traceWait('barrier', { id: this.id }, pollUntil(released, Math.max(deadline - performance.now(), 0)))
      if (Atomics.load(words, STATE) >>> 16 !== generation) return this.#tracePass(arrived)
      if (!inTime) this.#breakOnTimeout(ms)
      this.#throwIfBroken()
    }
  }

  /** Breaks the barrier: every waiting and later `wait()` throws `BrokenBarrierError`. */
  abort(): Promise<void> {
    Atomics.store(this.words, BROKEN, 1)
    return RESOLVED
  }

  // The last party: runs the action, then lets everyone go by starting the next generation.
  async #release(index: number, generation: number): Promise<number> {
    if (this.#action) {
      try {
        const action = typeof this.#action === 'function' ? this.#action : (this.#action = await importExport<() => unknown>(this.#action))
        await action()
      } catch (error) {
        await this.abort()
        throw error
      }
    }
    Atomics.store(this.words, STATE, ((generation + 1) % GENERATIONS) << 16)
    return index
  }

  // Traced for the last party too (which never blocks), with the position the program is given.
  #tracePass(position: number): number {
    if (tracing) trace('pass', { id: this.id, kind: 'Barrier', position })
    return position
  }

  #breakOnTimeout(ms: number): never {
    Atomics.store(this.words, BROKEN, 1)
    throw barrierTimedOut(ms, this.nWaiting, this.parties)
  }

  #throwIfBroken(): void {
    if (this.broken) {
      throw brokenBarrier()
    }
  }
}

registerPrimitive('Barrier', (handle) => new Barrier(1, {}, handle))
