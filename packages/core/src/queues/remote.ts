import { Deque } from '../deque.ts'
import { bulkBytes } from '../reduction.ts'
import { allocateBlock, type BlockRef } from '../shm/blocks.ts'
import { afterTimeout } from '../timeouts.ts'
import { linkTo, newObjectId, receive, type Link, type QueueRecall, type ReplyTo } from '../transport/index.ts'
import type { QueueAccess } from './core.ts'
import type { QueueSlots } from './slots.ts'

/**
 * The queue as another process reaches it: messages to its owner over one link. A producer sends and
 * does not wait (the link keeps its order); a sole consumer fetches items ahead. What it takes is
 * counted in shared memory, the moment get() hands an item over: a message could still be waiting
 * to be written when the process is killed (a consumer busy in synchronous code never gets to write
 * it), a store to shared memory cannot. So the owner, when a consumer dies, gives back exactly the
 * items it had not taken (see servant.ts).
 */

/** Items a sole consumer in another process may take per request. */
const PREFETCH = 256

/** One per queue per process: the owner sees one consumer per process, with one count of what it took. */
const remotes = new Map<string, RemoteQueue>()

/** This process's access to the queue `id`, owned by the process listening at `owner`. */
export function remoteQueue(id: string, owner: string, maxsize: number, slots: QueueSlots | undefined): RemoteQueue {
  let remote = remotes.get(id)
  if (!remote) remotes.set(id, (remote = new RemoteQueue(id, owner, maxsize, slots)))
  return remote
}

export class RemoteQueue implements QueueAccess {
  readonly fireAndForget: boolean
  readonly #link: Link
  /** Items fetched ahead and not yet taken by get(), with the ids the owner gave them. */
  readonly #ahead = new Deque<{ id: number; item: unknown }>()
  /** Where the owner asks for them back (when a second consumer appears). */
  readonly #reader = newObjectId()
  /** How many items this process has taken, modulo 2³², in shared memory the owner reads. */
  #taken: { ref: BlockRef; count: Uint32Array } | undefined

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
    // Taken for good: the owner will not give it back, and in a bounded queue its place is free again.
    // A plain store is enough: the owner reads the count only after a later message from this process,
    // or after its link closed, and the socket orders both after the store.
    this.#taken!.count[0]!++
    this.slots?.give()
    return { item: next.item }
  }

  async size(): Promise<{ size: number; full: boolean }> {
    const reply = await this.#link.request({ kind: 'q.size', id: this.id }).reply
    return { ...reply, size: reply.size + this.#ahead.length }
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
    this.#taken ??= takenCounter()
    const request = { kind: 'q.get', id: this.id, block, want: PREFETCH, reader: this.#reader, taken: this.#taken.ref } as const
    const { seq, reply } = this.#link.request(request)
    const cancel = afterTimeout(timeout, () => this.#link.send({ kind: 'q.cancel', id: this.id, of: seq }))
    return reply.finally(cancel)
  }
}

function takenCounter(): { ref: BlockRef; count: Uint32Array } {
  // A segment of its own: the owner maps it, and unmaps it once it has forgotten this process, rather
  // than keeping one of this process's arenas mapped for the rest of its life.
  const block = allocateBlock(4, { own: true })
  return { ref: block.ref, count: new Uint32Array(block.memory, block.offset, 1) }
}
