import { afterTimeout } from '../timeouts.ts'
import type { Getter, QueueAccess, QueueCore } from './core.ts'

/** The queue as its owner reaches it: its own state, with no message. */
export class LocalQueue implements QueueAccess {
  readonly fireAndForget = false
  constructor(readonly core: QueueCore) {}

  async put(value: unknown, block: boolean, timeout: number): Promise<boolean> {
    if (this.core.slots && !(await this.core.slots.take(block, timeout))) return false
    this.core.put(value)
    return true
  }

  async get(block: boolean, timeout: number): Promise<{ item?: unknown; empty?: boolean }> {
    const admitted = this.core.localGetAdmitted()
    if (admitted) await admitted
    const taken = this.core.tryGet()
    if (taken.found) return this.#taken(taken.item)
    if (!block || timeout === 0) return { empty: true }
    return new Promise((resolve) => {
      const getter: Getter = { deliver: (item) => (cancel(), resolve(this.#taken(item))) }
      const cancel = afterTimeout(timeout, () => this.core.stopWaiting(getter) && resolve({ empty: true }))
      this.core.waitToGet(getter)
    })
  }

  /** An item got in the owner: its place in a bounded queue is free again. */
  #taken(item: unknown): { item: unknown } {
    this.core.slots?.give()
    return { item }
  }

  async size(): Promise<{ size: number; full: boolean }> {
    return { size: this.core.size, full: this.core.full() }
  }

  async taskDone(): Promise<boolean> {
    return this.core.taskDone()
  }

  join(): Promise<void> {
    return new Promise((resolve) => this.core.whenAllDone(resolve))
  }
}
