import { Deque } from '../deque.ts'
import { afterPeerExit, type Servant } from '../transport/endpoint.ts'
import { unknownMessage, type PipeEnd, type PipeMessage } from '../transport/messages.ts'
import type { Link } from '../transport/link.ts'
import { bulkBytes } from '../reduction.ts'

/**
 * A pipe's state, kept by the process that created it (its owner). Each end has an inbox (what was
 * sent to it) and holders: the processes that hold a handle to it. An end whose holders are all gone
 * is closed everywhere; whoever reads the other end then gets EOF once its inbox is drained.
 */

/** Who holds an end: `owner`, or `pid:<n>` for another process. */
export type HolderKey = string
export const OWNER: HolderKey = 'owner'

export interface EndState {
  inbox: Deque<unknown>
  holders: Set<HolderKey>
  /** Local reads waiting for data or EOF. */
  waiting: Set<() => void>
  /** The other process that reads this end: the owner pushes everything to it, in order. */
  subscriber: { link: Link; id: string } | undefined
}

export class PipeCore {
  readonly ends: [EndState, EndState] = [newEnd(), newEnd()]

  /** Data sent from `from` arrives at the other end; `copy` makes the copy a reader in this process gets. */
  send(from: 0 | 1, value: unknown, copy: ((value: unknown) => unknown) | undefined): void {
    const to = this.ends[1 - from]!
    if (to.subscriber) return to.subscriber.link.send({ kind: 'c.data', id: to.subscriber.id, value }, bulkBytes(value))
    to.inbox.push(copy ? copy(value) : value)
    wake(to)
  }

  /** Whether every handle to the end that writes into `end` is closed: EOF once the inbox is empty. */
  writerGone(end: 0 | 1): boolean {
    return this.ends[1 - end]!.holders.size === 0
  }

  hold(end: 0 | 1, key: HolderKey): void {
    this.ends[end].holders.add(key)
  }

  /** A holder process exited: release its hold once all it sent has been read. */
  releaseAfterExit(end: 0 | 1, pid: number): void {
    afterPeerExit(pid, () => this.release(end, `pid:${pid}`))
  }

  release(end: 0 | 1, key: HolderKey): void {
    const state = this.ends[end]
    if (!state.holders.delete(key) || state.holders.size > 0) return
    // Closed everywhere: the other end's reader learns it after what it has not read yet.
    const reader = this.ends[1 - end]!
    if (reader.subscriber) reader.subscriber.link.send({ kind: 'c.eof', id: reader.subscriber.id })
    wake(reader)
  }

  /** Another process reads `end` from now on: it gets what is waiting, then everything sent later. */
  subscribe(end: 0 | 1, link: Link, id: string): void {
    const state = this.ends[end]
    state.subscriber = { link, id }
    while (state.inbox.length > 0) link.send({ kind: 'c.data', id, value: state.inbox.shift() })
    if (this.writerGone(end)) link.send({ kind: 'c.eof', id })
    link.onClose(() => {
      if (state.subscriber?.link === link) state.subscriber = undefined
    })
  }
}

function newEnd(): EndState {
  return { inbox: new Deque(), holders: new Set([OWNER]), waiting: new Set(), subscriber: undefined }
}

function wake(end: EndState): void {
  for (const resume of end.waiting) resume()
  end.waiting.clear()
}

/** How the owner answers other processes about one pipe. */
export function pipeServant(core: PipeCore): Servant<PipeMessage> {
  // Holders registered through a link end when it closes: that process (and its children) are gone.
  const heldThrough = new Map<Link, Set<string>>()
  return (message, link) => {
    const end: PipeEnd = message.end
    switch (message.kind) {
      case 'c.send':
        return core.send(end, message.value, undefined) // already a fresh copy, made by deserializing
      case 'c.sub':
        return core.subscribe(end, link, message.reader)
      case 'c.hold': {
        const key = message.key
        core.hold(end, key)
        let keys = heldThrough.get(link)
        if (!keys) {
          heldThrough.set(link, (keys = new Set()))
          link.onClose(() => {
            for (const held of keys!) core.release(Number(held[0]) as 0 | 1, held.slice(2))
          })
        }
        keys.add(`${end}:${key}`)
        return
      }
      case 'c.release': {
        const key = message.key
        heldThrough.get(link)?.delete(`${end}:${key}`)
        // From the holder itself, in order after its data; from the process that started it, on its exit.
        if (link.peerPid !== undefined && key !== `pid:${link.peerPid}`) return core.releaseAfterExit(end, Number(key.slice(4)))
        return core.release(end, key)
      }
      default:
        return unknownMessage(message, 'A pipe')
    }
  }
}
