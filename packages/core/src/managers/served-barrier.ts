import { importExport } from '../spawn/targets.ts'
import { barrierTimedOut, brokenBarrier, invalidParties, MAX_PARTIES } from '../sync/messages.ts'
import { validTimeout } from '../timeouts.ts'
import type { TargetRef } from '../transport/index.ts'
import { Waiters } from './waiters.ts'

/**
 * A manager's Barrier. Its action runs on the server, in the last party's call, before any party is
 * let go: it arrives as an exported function's module and name (see managers/builtins.ts).
 */
export class ServedBarrier {
  readonly #parties: number
  readonly #timeout: number | undefined
  #action: (() => unknown) | TargetRef | undefined
  #arrived = 0
  #broken = false
  #round = new Waiters()
  /** While the last party runs the action: parties of the next round wait for it to end. */
  #releasing: Promise<void> | undefined

  constructor(parties: number, { action, timeout }: { action?: TargetRef; timeout?: number } = {}) {
    if (!Number.isInteger(parties) || parties < 1 || parties > MAX_PARTIES) throw invalidParties('manager.Barrier()', MAX_PARTIES, parties)
    validTimeout(timeout, 'manager.Barrier()')
    this.#parties = parties
    this.#timeout = timeout
    this.#action = action
  }

  async wait(timeout?: number): Promise<number> {
    const ms = validTimeout(timeout ?? this.#timeout, 'Barrier.wait()')
    while (this.#releasing) await this.#releasing.catch(() => {})
    if (this.#broken) throw brokenBarrier()
    const index = this.#arrived++
    const round = this.#round
    if (this.#arrived === this.#parties) {
      this.#releasing = this.#runAction()
      try {
        await this.#releasing
      } finally {
        this.#releasing = undefined
      }
      this.#arrived = 0
      this.#round = new Waiters()
      round.wakeAll()
      return index
    }
    const released = await round.wait(ms)
    if (round !== this.#round) return index // the round completed
    if (released) throw brokenBarrier()
    const arrived = this.#arrived
    this.abort() // timed out: breaks it for everyone, as in Python
    throw barrierTimedOut(ms, arrived, this.#parties)
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

  // An action that throws breaks the barrier; the last party gets its error, the others BrokenBarrierError.
  async #runAction(): Promise<void> {
    if (!this.#action) return
    try {
      const action = typeof this.#action === 'function' ? this.#action : (this.#action = await importExport<() => unknown>(this.#action))
      await action()
    } catch (error) {
      this.abort()
      throw error
    }
  }
}
