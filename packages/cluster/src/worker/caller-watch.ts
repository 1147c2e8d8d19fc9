import type { Redis } from 'ioredis'
import type { clusterKeys } from '../wire.ts'

/**
 * Whether a caller is still there, asked of Redis once per heartbeat lifetime rather than once per
 * job: its key's remaining time (PTTL, counted from before the question was sent) says until when it
 * is alive for sure, so no job of a gone caller starts after its key expired, and a stream of tiny
 * jobs costs no round trip each.
 */
export class CallerWatch {
  readonly #redis: Redis
  readonly #keys: ReturnType<typeof clusterKeys>
  /** caller → until when (Date.now() ms) it is known to be alive. */
  readonly #aliveUntil = new Map<string, number>()

  constructor(redis: Redis, keys: ReturnType<typeof clusterKeys>) {
    this.#redis = redis
    this.#keys = keys
  }

  async alive(caller: string): Promise<boolean> {
    const asked = Date.now()
    if ((this.#aliveUntil.get(caller) ?? 0) > asked) return true
    const left = await this.#redis.pttl(this.#keys.caller(caller))
    // -2: no such key (gone); -1: no expiry (never set by a caller, but alive); else ms left.
    if (left === -2) {
      this.#aliveUntil.delete(caller)
      return false
    }
    if (left > 0) this.#aliveUntil.set(caller, asked + left)
    this.#forgetExpired(asked)
    return true
  }

  /** Callers come and go: keep only those that may still be alive. */
  #forgetExpired(now: number): void {
    if (this.#aliveUntil.size < 64) return
    for (const [caller, until] of this.#aliveUntil) if (until <= now) this.#aliveUntil.delete(caller)
  }
}
