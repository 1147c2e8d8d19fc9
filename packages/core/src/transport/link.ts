import { decodePayload, encodeFrame, HEADER_BYTES } from './frames.ts'
import type { ReplyMessage, ReplyTo, Replies, Request, Unnumbered, WireMessage } from './messages.ts'

/**
 * A message channel between two processes over one byte stream. Messages are batched: everything sent
 * in the same tick (up to MAX_BATCH) goes out as one frame (frames.ts), because per-message
 * serialization, not the stream, is what limits small messages.
 */

/** Messages per frame at most; a larger burst is split so that one frame never holds everything. */
const MAX_BATCH = 512
/** Bytes of binary or text data per frame before it is written at once. */
const MAX_BATCH_BYTES = 1 << 20
/** Bytes a link may have waiting to be written before senders wait (see {@link Link.drained}). */
const HIGH_WATER_BYTES = 8 << 20
const RESOLVED = Promise.resolve()
const ignore = () => {}

/** Links that carried messages since their peer last confirmed it had read everything (see whenSendsArrived). */
const unconfirmed = new Set<Link>()

/**
 * Resolves once every message this process has sent to objects' owners has been read by them (one
 * round trip per link that carried any since the last time), or undefined if there are none. A lock's
 * release waits for it, so that what a process sent while holding a lock reaches the owners before
 * the next holder can send: messages from several processes then arrive in the order the lock gave.
 */
export function whenSendsArrived(): Promise<unknown> | undefined {
  if (unconfirmed.size === 0) return undefined
  return Promise.all(Array.from(unconfirmed, (link) => link.confirmSends()))
}

/**
 * What a link needs of a connection: bytes both ways, and a say in whether it keeps the process alive.
 * A `net.Socket` (Unix or TCP) is one; another transport (a Windows named pipe…) needs nothing more.
 */
export interface ByteStream {
  write(data: Uint8Array): unknown
  end(): unknown
  destroy(): unknown
  ref(): unknown
  unref(): unknown
  /** Bytes written and not yet taken by the other side's kernel buffer. */
  readonly writableLength: number
  on(event: 'data', listener: (chunk: Buffer) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
  on(event: 'close' | 'drain', listener: () => void): unknown
  off(event: 'close' | 'drain', listener: () => void): unknown
  /** Turns off Nagle's algorithm where there is one (TCP). */
  setNoDelay?(noDelay: boolean): unknown
}

/** What a link hands its owner: every message but the replies, which settle the link's own requests. */
export type Incoming = Exclude<WireMessage, ReplyMessage>

/** The process at the other end of a link has gone (or closed it) before answering. */
export class LinkClosedError extends Error {
  constructor() {
    super('the other process has exited')
  }
}

export class Link {
  /** The pid of the process at the other end, once it has said hello. */
  peerPid: number | undefined
  readonly #socket: ByteStream
  #outgoing: WireMessage[] = []
  #outgoingBytes = 0
  #flushScheduled = false
  #received: Buffer[] = []
  #receivedBytes = 0
  #holds = 0
  #closed = false
  #nextSeq = 0
  /** Requests waiting for their reply. */
  readonly #pending = new Map<number, { resolve: (reply: ReplyMessage) => void; reject: (error: Error) => void }>()
  readonly #onMessage: (message: Incoming, link: Link) => void
  readonly #onClose = new Set<() => void>()
  /** The wait for the socket to drain, shared by every sender that waits meanwhile. */
  #drain: Promise<void> | undefined

  /** The largest frame accepted; a longer one closes the link (a peer that is not trusted may lie). */
  readonly #maxFrameBytes: number
  /** Whether locks wait for this link's messages to be read (a link to the owner of objects). */
  readonly #confirmsSends: boolean
  #unconfirmed = false

  /** @param options.confirmSends A link to objects' owners: see {@link whenSendsArrived}. */
  constructor(socket: ByteStream, onMessage: (message: Incoming, link: Link) => void, { maxFrameBytes = 2 ** 32 - 1, confirmSends = false } = {}) {
    this.#socket = socket
    this.#onMessage = onMessage
    this.#maxFrameBytes = maxFrameBytes
    this.#confirmsSends = confirmSends
    // An idle link never keeps a process alive; hold() does while something waits on it.
    socket.unref()
    socket.setNoDelay?.(true)
    socket.on('data', (chunk: Buffer) => this.#receive(chunk))
    socket.on('error', () => {}) // a peer that dies shows up as 'close' next
    socket.on('close', () => this.#close())
  }

  get closed(): boolean {
    return this.#closed
  }

  /** Queues a message; it is written with the others of this tick. `bytes`: the size of the data it carries, if large. */
  send(message: WireMessage, bytes = 0): void {
    if (this.#closed) return
    if (this.#confirmsSends && !this.#unconfirmed) {
      this.#unconfirmed = true
      unconfirmed.add(this)
    }
    this.#outgoing.push(message)
    this.#outgoingBytes += bytes
    if (this.#outgoing.length >= MAX_BATCH || this.#outgoingBytes >= MAX_BATCH_BYTES) this.flush()
    else if (!this.#flushScheduled) {
      this.#flushScheduled = true
      process.nextTick(() => this.flush())
    }
  }

  /**
   * Sends `message` with a fresh `seq` and resolves with the peer's `reply` to it. While it waits, the
   * link keeps this process alive. Rejects if the link closes first.
   */
  request<M extends Unnumbered<Request>>(message: M): { seq: number; reply: Promise<ReplyTo<M['kind']>> } {
    const seq = ++this.#nextSeq
    const reply = new Promise<ReplyMessage>((resolve, reject) => {
      if (this.#closed) return reject(new LinkClosedError())
      this.#pending.set(seq, { resolve, reject })
      this.hold()
    })
    this.send({ ...message, seq } as Request)
    // The peer answers a request of kind K with ReplyTo<K>: its servant's reply calls are typed so.
    return { seq, reply: reply as unknown as Promise<ReplyTo<M['kind']>> }
  }

  /** Resolves once the peer has read every message sent on this link so far (never rejects: a closed link has nothing left to deliver). */
  confirmSends(): Promise<void> {
    const { reply } = this.request({ kind: 'sync' })
    this.#unconfirmed = false
    unconfirmed.delete(this)
    return reply.then(ignore, ignore)
  }

  /** Answers request `seq` of the peer. */
  reply(seq: number, fields: Replies[keyof Replies]): void {
    this.send({ kind: 'reply', seq, ...fields })
  }

  /** Counts flushes: a message sent during batch N can still be amended while `batch` is N. */
  batch = 0

  /** Writes the queued messages now. */
  flush(): void {
    this.#flushScheduled = false
    if (this.#outgoing.length === 0 || this.#closed) return
    this.batch++
    const batch = this.#outgoing
    this.#outgoing = []
    this.#outgoingBytes = 0
    // One write(2) per frame where possible: a writev of header and payload measured ~25 µs slower per call.
    for (const chunk of encodeFrame(batch)) this.#socket.write(chunk)
  }

  /**
   * Resolves when the socket has taken what was written (at once, unless more than HIGH_WATER_BYTES
   * wait): a fast sender waits for a slow reader, as a writer on a full pipe does in Python.
   */
  drained(): Promise<void> {
    if (this.#socket.writableLength < HIGH_WATER_BYTES || this.#closed) return RESOLVED
    // One pair of listeners however many senders wait (un-awaited sends would each add one).
    this.#drain ??= this.#nextDrain()
    return this.#drain
  }

  async #nextDrain(): Promise<void> {
    this.hold()
    try {
      await new Promise<void>((resolve) => {
        const done = () => {
          this.#socket.off('drain', done)
          this.#socket.off('close', done)
          resolve()
        }
        this.#socket.on('drain', done)
        this.#socket.on('close', done)
      })
    } finally {
      this.#drain = undefined
      this.release()
    }
  }

  /** Keeps this process alive until the matching release(): something is waiting on the peer. */
  hold(): void {
    if (this.#holds++ === 0) this.#socket.ref()
  }

  release(): void {
    if (--this.#holds === 0) this.#socket.unref()
  }

  /** Runs `listener` once when the link closes (the peer exited, or closed it). */
  onClose(listener: () => void): void {
    if (this.#closed) listener()
    else this.#onClose.add(listener)
  }

  close(): void {
    this.flush()
    this.#socket.end()
  }

  /** Drops the connection at once, unwritten messages and all (the peer broke the protocol). */
  destroy(): void {
    this.#socket.destroy()
  }

  #receive(chunk: Buffer): void {
    this.#received.push(chunk)
    this.#receivedBytes += chunk.length
    while (this.#receivedBytes >= HEADER_BYTES) {
      const head = this.#peek(HEADER_BYTES)
      const length = head.readUInt32BE(0)
      if (length > this.#maxFrameBytes) {
        this.#socket.destroy()
        return
      }
      if (this.#receivedBytes < HEADER_BYTES + length) return
      const frame = this.#take(HEADER_BYTES + length).subarray(HEADER_BYTES)
      let batch: WireMessage[]
      try {
        batch = decodePayload(frame) as WireMessage[]
        if (!Array.isArray(batch) || !batch.every((message) => typeof message === 'object' && message !== null && typeof message.kind === 'string')) throw new TypeError()
      } catch {
        this.#socket.destroy() // not proclab's frame: drop the connection rather than guess
        return
      }
      for (const message of batch) {
        if (message.kind === 'reply') this.#settle(message)
        else this.#onMessage(message, this)
      }
    }
  }

  #peek(bytes: number): Buffer {
    if (this.#received[0]!.length < bytes) this.#received = [Buffer.concat(this.#received)]
    return this.#received[0]!
  }

  #take(bytes: number): Buffer {
    const all = this.#received.length === 1 ? this.#received[0]! : Buffer.concat(this.#received)
    const taken = all.subarray(0, bytes)
    const rest = all.subarray(bytes)
    this.#received = rest.length > 0 ? [rest] : []
    this.#receivedBytes -= bytes
    return taken
  }

  #settle(reply: ReplyMessage): void {
    const pending = this.#pending.get(reply.seq)
    if (!pending) return
    this.#pending.delete(reply.seq)
    this.release()
    pending.resolve(reply)
  }

  #close(): void {
    if (this.#closed) return
    this.#closed = true
    unconfirmed.delete(this)
    for (const pending of this.#pending.values()) {
      this.release()
      pending.reject(new LinkClosedError())
    }
    this.#pending.clear()
    for (const listener of this.#onClose) listener()
    this.#onClose.clear()
  }
}
