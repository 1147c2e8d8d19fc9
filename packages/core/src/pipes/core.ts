import { Deque } from '../deque.ts'
import { afterPeerExit, type PipeEnd, type Link } from '../transport/index.ts'
import { bulkBytes } from '../reduction.ts'

/**
 * A pipe's state, kept by the process that created it (its owner); other processes reach it through
 * the owner's endpoint (servant.ts).
 *
 * Invariants:
 * - each end has an inbox (what was sent to it, not read yet) and holders (the owner, and `pid:<n>`
 *   for each other process with a handle to it);
 * - an end whose holders are all gone is closed everywhere: whoever reads the other end gets EOF once
 *   its inbox is drained, never before;
 * - an end read by another process (its `subscriber`) keeps nothing in its inbox: the owner pushes
 *   each value on at once, in order, and EOF after the last.
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

/**
 * Where one end's handle reads and writes: the owner's own state (local.ts), or a link to the owner
 * (remote.ts). `Connection` holds one and does every check itself.
 */
export interface EndAccess {
  /**
   * Writes a value (already checked and copied) for the other end; `copy` makes the copy a reader in
   * this process gets. Returns a promise only when the writer must wait (a link with too much unwritten).
   */
  send(value: unknown, copy: boolean): Promise<void> | undefined
  /** What this end reads from: its values, and whether the other end is closed everywhere. */
  inbox(): Inbox
  /** Keeps what the wait depends on alive while `wait` is pending (a remote reader's link). */
  whileWaiting(wait: Promise<void>): Promise<void>
  /** This process's handle is closed. */
  close(): void
  /** A child with this pid holds the end until `exited` resolves. */
  heldByChild(pid: number, exited: Promise<unknown>): void
  /** In the owner: the state to serve to other processes; elsewhere undefined. */
  readonly core: PipeCore | undefined
}

/** What a reader of one end sees: values in order, waiters to wake, and whether no more can come. */
export interface Inbox {
  state: Pick<EndState, 'inbox' | 'waiting'>
  eof(): boolean
}
