import type { ObjectMessage, Servant } from './endpoint.ts'
import type { Deque } from './deque.ts'
import type { Link } from './link.ts'
import type { Getter, Putter, QueueCore } from './queue-core.ts'

/**
 * How a queue's owner answers other processes. Each request gets exactly one reply, even one that is
 * withdrawn after a timeout, so nothing is lost or duplicated. An item sent to another process stays
 * "in flight" until that process acknowledges it; if the process dies first, the item goes back to
 * the front of the queue.
 */

interface RemoteWaiter {
  link: Link
  seq: number
}

/** One peer process's unfinished business with this queue. */
interface Peer {
  inFlight: Map<number, unknown>
  getters: Map<number, Getter>
  putters: Map<number, Putter>
}

export function queueServant(core: QueueCore): Servant {
  const peers = new Map<Link, Peer>()
  const peerOf = (link: Link): Peer => {
    let peer = peers.get(link)
    if (!peer) {
      peer = { inFlight: new Map(), getters: new Map(), putters: new Map() }
      peers.set(link, peer)
      link.onClose(() => forget(link))
    }
    return peer
  }
  const forget = (link: Link) => {
    const peer = peers.get(link)!
    peers.delete(link)
    for (const getter of peer.getters.values()) core.getters.remove((g) => g === getter)
    for (const putter of peer.putters.values()) core.putters.remove((p) => p === putter)
    core.giveBack([...peer.inFlight.entries()].sort(([a], [b]) => a - b).map(([, item]) => item))
  }
  const deliver = (link: Link, seq: number, item: unknown) => {
    const peer = peerOf(link)
    peer.getters.delete(seq)
    peer.inFlight.set(seq, item)
    link.reply(seq, { item })
  }

  /** A waiting get or put that timed out: if it still waits, it ends with `answer`; if not, its real answer is on its way. */
  const withdraw = (link: Link, seq: number, waiters: 'getters' | 'putters', answer: Record<string, unknown>) => {
    const waiter = peers.get(link)?.[waiters].get(seq)
    if (!waiter || !(core[waiters] as Deque<unknown>).remove((w) => w === waiter)) return
    peers.get(link)![waiters].delete(seq)
    link.reply(seq, answer)
  }

  return (message: ObjectMessage, link: Link) => {
    const seq = message.seq as number
    switch (message.kind) {
      case 'q.put': {
        if (core.tryPut(message.value)) return seq === undefined || link.reply(seq, {})
        if (!message.block) return link.reply(seq, { full: true })
        const peer = peerOf(link)
        const putter: Putter & RemoteWaiter = {
          value: message.value,
          link,
          seq,
          accept: () => {
            peer.putters.delete(seq)
            link.reply(seq, {})
          },
        }
        peer.putters.set(seq, putter)
        return core.waitToPut(putter)
      }
      case 'q.withdraw':
        return withdraw(link, message.of as number, 'putters', { full: true })
      case 'q.get': {
        const taken = core.tryGet()
        if (taken.found) return deliver(link, seq, taken.item)
        if (!message.block) return link.reply(seq, { empty: true })
        const getter: Getter & RemoteWaiter = { link, seq, deliver: (item) => deliver(link, seq, item) }
        peerOf(link).getters.set(seq, getter)
        return core.waitToGet(getter)
      }
      case 'q.cancel':
        return withdraw(link, message.of as number, 'getters', { empty: true })
      case 'q.ack':
        peers.get(link)?.inFlight.delete(message.of as number)
        return
      case 'q.size':
        return link.reply(seq, { size: core.items.length, full: core.full() })
      case 'q.taskDone':
        return link.reply(seq, { ok: core.taskDone() })
      case 'q.join':
        return core.whenAllDone(() => link.reply(seq, {}))
      default:
        throw new Error(`A queue received a message it does not understand: ${message.kind}`)
    }
  }
}
