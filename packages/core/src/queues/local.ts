import { Deque } from '../deque.ts'
import { linkTo, newObjectId, receive } from '../transport/endpoint.ts'
import type { Link } from '../transport/link.ts'
import type { QueueMessage, QueueRecall, ReplyTo } from '../transport/messages.ts'
import { bulkBytes } from '../reduction.ts'
import type { Getter, QueueCore } from './core.ts'
import type { QueueSlots } from './slots.ts'

/**
 * The two ways to reach a queue: directly, in the process that owns it, or through a link to the owner.
 * Both wait the same way: `timeout` ms (Infinity: forever), then report that they gave up.
 */
export interface QueueAccess {
  /** Resolves true once the item is in, false if the queue stayed full (no block, or timeout). */
  put(value: unknown, block: boolean, timeout: number): Promise<boolean>
  /** Resolves with the item, or `{ empty: true }` if none came (no block, or timeout). */
  get(block: boolean, timeout: number): Promise<{ item?: unknown; empty?: boolean }>
  size(): Promise<{ size: number; full: boolean }>
  taskDone(): Promise<boolean>
  join(): Promise<void>
  /** Whether a put can complete without waiting for an answer (an unbounded queue in another process). */
  readonly fireAndForget: boolean
}

/** Runs `giveUp` after `ms` unless cancelled; Infinity never gives up. */
function deadline(ms: number, giveUp: () => void): () => void {
  if (ms === Infinity) return () => {}
  const timer = setTimeout(giveUp, ms)
  return () => clearTimeout(timer)
}

export class LocalQueue implements QueueAccess {
  readonly fireAndForget = false
  constructor(readonly core: QueueCore) {}

  async put(value: unknown, block: boolean, timeout: number): Promise<boolean> {
    if (this.core.slots && !(await this.core.slots.take(block, timeout))) return false
    this.core.put(value)
    return true
  }

  async get(block: boolean, timeout: number): Promise<{ item?: unknown; empty?: boolean }> {
    const gate = this.core.gate
    if (gate) await new Promise<void>((then) => gate(then))
    const taken = this.core.tryGet()
    if (taken.found) return this.#taken(taken.item)
    if (!block || timeout === 0) return { empty: true }
    return new Promise((resolve) => {
      const getter: Getter = { deliver: (item) => (cancel(), resolve(this.#taken(item))) }
      const cancel = deadline(timeout, () => this.core.getters.remove((g) => g === getter) && resolve({ empty: true }))
      this.core.waitToGet(getter)
    })
  }

  /** An item got in the owner: its place in a bounded queue is free again. */
  #taken(item: unknown): { item: unknown } {
    this.core.slots?.give()
    return { item }
  }

  async size(): Promise<{ size: number; full: boolean }> {
    return { size: this.core.items.length, full: this.core.full() }
  }

  async taskDone(): Promise<boolean> {
    return this.core.taskDone()
  }

  join(): Promise<void> {
    return new Promise((resolve) => this.core.whenAllDone(resolve))
  }
}

/** Items a sole consumer in another process may take per request. */
export const PREFETCH = 256

export class RemoteQueue implements QueueAccess {
  readonly fireAndForget: boolean
  readonly #link: Link
  /** Items fetched ahead and not yet taken by get(), with the ids the owner gave them. */
  readonly #ahead = new Deque<{ id: number; item: unknown }>()
  /** Where the owner asks for them back (when a second consumer appears). */
  readonly #reader = newObjectId()
  #ack: Extract<QueueMessage, { kind: 'q.ack' }> | undefined
  #ackBatch = -1

  constructor(
    readonly id: string,
    owner: string,
    maxsize: number,
    readonly slots: QueueSlots | undefined,
  ) {
    this.#link = linkTo(owner)
    this.fireAndForget = maxsize === 0
    // After the current turn: a batch that arrived just before the recall is in #ahead by then.
    receive<QueueRecall>(this.#reader, () => setImmediate(() => this.#giveBack()))
  }

  async put(value: unknown, block: boolean, timeout: number): Promise<boolean> {
    // A bounded queue: wait for a free place here, in shared memory, not by asking the owner.
    if (this.slots && !(await this.slots.take(block, timeout))) return false
    // Nothing else to wait for, and the link keeps this producer's order.
    this.#link.send({ kind: 'q.put', id: this.id, value }, bulkBytes(value))
    await this.#link.drained()
    return true
  }

  async get(block: boolean, timeout: number): Promise<{ item?: unknown; empty?: boolean }> {
    if (this.#ahead.length === 0) {
      const answer = await this.#withdrawableGet(block && timeout !== 0, timeout)
      if (answer.empty) return { empty: true }
      const ids = answer.ids
      answer.items.forEach((item, i) => this.#ahead.push({ id: ids[i]!, item }))
    }
    const next = this.#ahead.shift()!
    this.#acknowledge(next.id)
    return { item: next.item }
  }

  async size(): Promise<{ size: number; full: boolean }> {
    const reply = await this.#link.request({ kind: 'q.size', id: this.id }).reply
    return { ...reply, size: reply.size + this.#ahead.length }
  }

  /** Taken: the owner can forget it (until then, it would give it back if this process died). */
  #acknowledge(id: number): void {
    // One ack message per frame, however many items were taken meanwhile.
    if (this.#ack && this.#ackBatch === this.#link.batch) this.#ack.ids.push(id)
    else {
      this.#ack = { kind: 'q.ack', id: this.id, ids: [id] }
      this.#ackBatch = this.#link.batch
      this.#link.send(this.#ack)
    }
  }

  #giveBack(): void {
    const ids = this.#ahead.toArray().map((entry) => entry.id)
    while (this.#ahead.length > 0) this.#ahead.shift()
    this.#link.send({ kind: 'q.return', id: this.id, ids })
  }

  async taskDone(): Promise<boolean> {
    return (await this.#link.request({ kind: 'q.taskDone', id: this.id }).reply).ok
  }

  async join(): Promise<void> {
    await this.#link.request({ kind: 'q.join', id: this.id }).reply
  }

  /**
   * A get that, after `timeout`, asks the owner to withdraw it, and then takes whichever answer comes:
   * "empty" (withdrawn), or the items if they were already on their way (never both, never neither).
   */
  async #withdrawableGet(block: boolean, timeout: number): Promise<ReplyTo<'q.get'>> {
    const { seq, reply } = this.#link.request({ kind: 'q.get', id: this.id, block, want: PREFETCH, reader: this.#reader })
    const cancel = deadline(timeout, () => this.#link.send({ kind: 'q.cancel', id: this.id, of: seq }))
    return reply.finally(cancel)
  }
}
