import { Deque } from '../deque.ts'
import { bulkBytes } from '../reduction.ts'
import { afterTimeout } from '../timeouts.ts'
import { linkTo, newObjectId, receive, type Link, type QueueMessage, type QueueRecall, type ReplyTo } from '../transport/index.ts'
import type { QueueAccess } from './core.ts'
import type { QueueSlots } from './slots.ts'

/**
 * The queue as another process reaches it: messages to its owner over one link. A producer sends and
 * does not wait (the link keeps its order); a sole consumer fetches items ahead, and acknowledges
 * what it takes, so that an item is never lost with a consumer that dies (see servant.ts).
 */

/** Items a sole consumer in another process may take per request. */
const PREFETCH = 256

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
    const cancel = afterTimeout(timeout, () => this.#link.send({ kind: 'q.cancel', id: this.id, of: seq }))
    return reply.finally(cancel)
  }
}
