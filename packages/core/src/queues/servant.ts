import { attachBlock, type BlockRef } from '../shm/blocks.ts'
import { unknownMessage, type Servant, type QueueMessage, type Link } from '../transport/index.ts'
import type { Getter, QueueCore } from './core.ts'

/**
 * How a queue's owner answers other processes. Each request gets exactly one reply, even one that is
 * withdrawn after a timeout, so nothing is lost or duplicated. Items sent to another process stay
 * "in flight" until it has taken them; if it dies first, they go back to the front of the queue. A
 * consumer counts what it takes in shared memory (remote.ts), and takes its items in the order they
 * were sent, so the taken ones are always the oldest in flight: the owner reads the count when the
 * consumer asks again, returns items, or dies, and forgets that many.
 *
 * While one process is the queue's only consumer, it may take a batch per request (a round trip per
 * item would make a consumer in a child ~20× slower than Python's). When a second consumer appears, the
 * owner first recalls what the first fetched ahead and has not used, and puts it back at the front in
 * order. From then on each consumer has a credit: how many items one request may bring (see
 * `creditAfter`). It grows while the consumer uses its batches up quickly and falls back to one item as
 * soon as it is slow, so several fast consumers share the queue at near the one-consumer rate, while a
 * consumer busy with slow work holds nothing another consumer could be doing. A batch is also never more
 * than the consumer's share of the items waiting. Every consumer still sees the items it gets in queue
 * order.
 */

/** The most items one request of a consumer brings while there are others: a short wait for the rest. */
const SHARED_CREDIT = 32
/** A consumer that asks again within this many ms of its last batch used it up quickly. */
const QUICK_MS = 2

/**
 * The credit of a consumer that asks again `elapsed` ms after its last batch was sent: doubled if it
 * came back quickly, one item if it did not (its work per item is slow: a batch would wait in it).
 */
export function creditAfter(credit: number, elapsed: number): number {
  return elapsed <= QUICK_MS ? Math.min(credit * 2, SHARED_CREDIT) : 1
}

/** One peer process's unfinished business with this queue. */
interface Peer {
  /** Items sent to it and not yet known to be taken, by item id, oldest first. */
  inFlight: Map<number, unknown>
  /** Its count of items taken, in shared memory, and how much of it the owner has accounted for. */
  taken?: Uint32Array
  accounted: number
  getters: Map<number, Getter>
  /** Its gets that timed out before the owner got to them. */
  cancelled: Set<number>
  /** Where it listens for recalls. */
  reader?: string
  recalling: boolean
  /** Items its next request may bring while it shares the queue, and when its last batch was sent. */
  credit: number
  lastSent: number
}

type Consumer = Link | 'local'

export function queueServant(core: QueueCore): Servant<QueueMessage> {
  const peers = new Map<Link, Peer>()
  const consumers = new Set<Consumer>()
  /** Requests that came during a recall, run in order once every recalled item is back. */
  const deferred: (() => void)[] = []
  let recalls = 0
  let nextItemId = 0

  const peerOf = (link: Link): Peer => {
    let peer = peers.get(link)
    if (!peer) {
      peer = { inFlight: new Map(), getters: new Map(), cancelled: new Set(), recalling: false, accounted: 0, credit: 1, lastSent: 0 }
      peers.set(link, peer)
      link.onClose(() => forget(link))
    }
    return peer
  }

  /** Forgets the items the peer has taken since last time: the oldest in flight. */
  const settleTaken = (peer: Peer) => {
    if (!peer.taken) return
    const count = Atomics.load(peer.taken, 0)
    let newlyTaken = (count - peer.accounted) >>> 0
    peer.accounted = count
    for (const id of peer.inFlight.keys()) {
      if (newlyTaken-- === 0) break
      peer.inFlight.delete(id)
    }
  }

  const attachTaken = (peer: Peer, ref: BlockRef) => {
    if (peer.taken) return
    const block = attachBlock(ref)
    peer.taken = new Uint32Array(block.memory, block.offset, 1)
    peer.accounted = Atomics.load(peer.taken, 0)
  }

  const forget = (link: Link) => {
    const peer = peers.get(link)!
    settleTaken(peer)
    peers.delete(link)
    consumers.delete(link)
    for (const getter of peer.getters.values()) core.stopWaiting(getter)
    giveBack(peer, [...peer.inFlight.keys()])
  }

  /** Puts a peer's in-flight items back at the front, oldest first; ends its recall if one was pending. */
  const giveBack = (peer: Peer, ids: number[]) => {
    const items = ids.sort((a, b) => a - b).flatMap((id) => (peer.inFlight.has(id) ? [peer.inFlight.get(id)] : []))
    for (const id of ids) peer.inFlight.delete(id)
    core.giveBack(items)
    if (!peer.recalling) return
    peer.recalling = false
    if (--recalls === 0) for (const run of deferred.splice(0)) run()
  }

  /** Runs `then` once `who` may take items: at once, or after the other consumers gave back what they fetched ahead. */
  const admit = (who: Consumer, then: () => void) => {
    if (!consumers.has(who)) {
      consumers.add(who)
      for (const [link, peer] of peers) {
        settleTaken(peer)
        if (link === who || peer.inFlight.size === 0 || peer.reader === undefined || peer.recalling) continue
        peer.recalling = true
        recalls++
        link.send({ kind: 'q.recall', id: peer.reader })
      }
    }
    if (recalls > 0) deferred.push(then)
    else then()
  }
  core.admitLocalGets((then) => admit('local', then))

  const send = (link: Link, seq: number, items: unknown[]) => {
    const peer = peerOf(link)
    peer.getters.delete(seq)
    const ids = items.map((item) => {
      peer.inFlight.set(++nextItemId, item)
      return nextItemId
    })
    peer.lastSent = performance.now()
    link.reply(seq, { items, ids })
  }

  const get = (link: Link, seq: number, block: boolean, want: number) => {
    // A get deferred during a recall whose process died meanwhile: nobody is left to take items.
    if (link.closed) return
    const peer = peerOf(link)
    if (peer.cancelled.delete(seq)) return link.reply(seq, { empty: true })
    const items: unknown[] = []
    const most = consumers.size === 1 ? want : sharedBatch(peer, want)
    for (let taken = core.tryGet(); taken.found; taken = items.length < most ? core.tryGet() : { found: false }) items.push(taken.item)
    if (items.length > 0) return send(link, seq, items)
    if (!block) return link.reply(seq, { empty: true })
    const getter: Getter = { deliver: (item) => send(link, seq, [item]) }
    peer.getters.set(seq, getter)
    core.waitToGet(getter)
  }

  /** How many items a request may bring while consumers share the queue: its credit, at most its share. */
  const sharedBatch = (peer: Peer, want: number) => {
    peer.credit = creditAfter(peer.credit, performance.now() - peer.lastSent)
    return Math.max(1, Math.min(want, peer.credit, Math.ceil(core.size / consumers.size)))
  }

  /** A waiting get that timed out: if it still waits, it ends empty; if not, its item is on its way. */
  const withdraw = (link: Link, seq: number) => {
    const peer = peers.get(link)
    const getter = peer?.getters.get(seq)
    if (!getter) {
      peer?.cancelled.add(seq) // it may still be waiting for a recall to end
      return
    }
    if (!core.stopWaiting(getter)) return
    peer!.getters.delete(seq)
    link.reply(seq, { empty: true })
  }

  return (message, link) => {
    switch (message.kind) {
      case 'q.put':
        // In a bounded queue, the producer took a free place before sending.
        return core.put(message.value)
      case 'q.get': {
        const peer = peerOf(link)
        peer.reader = message.reader
        attachTaken(peer, message.taken)
        settleTaken(peer)
        return admit(link, () => get(link, message.seq, message.block, message.want))
      }
      case 'q.cancel':
        return withdraw(link, message.of)
      case 'q.return': {
        const peer = peerOf(link)
        settleTaken(peer)
        return giveBack(peer, message.ids)
      }
      case 'q.size':
        return link.reply(message.seq, { size: core.size, full: core.full() })
      case 'q.taskDone':
        return link.reply(message.seq, { ok: core.taskDone() })
      case 'q.join':
        return core.whenAllDone(() => link.reply(message.seq, { done: true }))
      default:
        return unknownMessage(message, 'A queue')
    }
  }
}
