import { lazy } from '../lazy-require.ts'
import type { Socket } from 'node:net'
import { AuthenticationError } from '../errors.ts'

// Only managers authenticate: loaded on first use, a child that uses none does not pay for it.
const crypto = lazy<typeof import('node:crypto')>('node:crypto')

/**
 * Challenge–response on a shared key, both ways, before anything else crosses a manager connection
 * (Python's `multiprocessing.connection.deliver_challenge` / `answer_challenge`): each side sends 32
 * random bytes and expects their HMAC-SHA256 under the authkey back. The key itself never crosses,
 * and a peer that does not know it learns nothing but a refusal.
 */

const CHALLENGE = Buffer.from('#CHALLENGE#')
const WELCOME = Buffer.from('#WELCOME#')
const FAILURE = Buffer.from('#FAILURE#')
const NONCE_BYTES = 32
/** Handshake messages are tiny; anything longer is not a proclab peer. */
const MAX_MESSAGE_BYTES = 256
const HANDSHAKE_TIMEOUT_MS = 10_000

/** An authkey as bytes: a string is taken as UTF-8. */
export function keyBytes(authkey: string | Uint8Array): Buffer {
  return typeof authkey === 'string' ? Buffer.from(authkey, 'utf8') : Buffer.from(authkey)
}

/** The server's side: proves the client knows `key`, then proves it knows it too. Throws AuthenticationError otherwise. */
export async function authenticateClient(socket: Socket, key: Buffer): Promise<void> {
  const reader = new MessageReader(socket)
  try {
    await deliverChallenge(socket, reader, key, 'The client')
    await answerChallenge(socket, reader, key, 'the client')
  } finally {
    reader.detach()
  }
}

/** The client's side: answers the server's challenge, then checks the server's answer to its own. */
export async function authenticateServer(socket: Socket, key: Buffer): Promise<void> {
  const reader = new MessageReader(socket)
  try {
    await answerChallenge(socket, reader, key, 'the manager server')
    await deliverChallenge(socket, reader, key, 'The manager server')
  } finally {
    reader.detach()
  }
}

async function deliverChallenge(socket: Socket, reader: MessageReader, key: Buffer, peer: string): Promise<void> {
  const nonce = crypto().randomBytes(NONCE_BYTES)
  write(socket, Buffer.concat([CHALLENGE, nonce]))
  const answer = await reader.next()
  const expected = digest(key, nonce)
  if (answer.length !== expected.length || !crypto().timingSafeEqual(answer, expected)) {
    write(socket, FAILURE)
    throw new AuthenticationError(`${peer} did not prove that it knows the authkey: refused.`)
  }
  write(socket, WELCOME)
}

async function answerChallenge(socket: Socket, reader: MessageReader, key: Buffer, peer: string): Promise<void> {
  const challenge = await reader.next()
  if (!challenge.subarray(0, CHALLENGE.length).equals(CHALLENGE)) throw new AuthenticationError(`${peer} did not start the handshake of a proclab manager.`)
  write(socket, digest(key, challenge.subarray(CHALLENGE.length)))
  const verdict = await reader.next()
  if (!verdict.equals(WELCOME)) {
    throw new AuthenticationError(
      `${peer} refused the authkey: both sides must use the same authkey (a string or bytes), given as { authkey } to the manager.`,
    )
  }
}

function digest(key: Buffer, nonce: Buffer): Buffer {
  return crypto().createHmac('sha256', key).update(nonce).digest()
}

function write(socket: Socket, message: Buffer): void {
  const header = Buffer.allocUnsafe(2)
  header.writeUInt16BE(message.length)
  socket.write(Buffer.concat([header, message]))
}

/** Reads 2-byte-length-prefixed handshake messages; fails on a close, a timeout, or an oversized message. */
class MessageReader {
  #buffered = Buffer.alloc(0)
  #waiting: { resolve: (message: Buffer) => void; reject: (error: Error) => void } | undefined
  #failure: Error | undefined
  readonly #timer: NodeJS.Timeout
  readonly #onData = (chunk: Buffer) => {
    this.#buffered = Buffer.concat([this.#buffered, chunk])
    this.#deliver()
  }
  readonly #onEnd = () => this.#fail(new AuthenticationError('The connection closed during the authkey handshake: the other side refused it or is not a proclab manager.'))

  constructor(private readonly socket: Socket) {
    socket.on('data', this.#onData)
    socket.on('close', this.#onEnd)
    socket.on('error', this.#onEnd)
    this.#timer = setTimeout(() => this.#fail(new AuthenticationError('The authkey handshake timed out.')), HANDSHAKE_TIMEOUT_MS).unref()
  }

  next(): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.#waiting = { resolve, reject }
      if (this.#failure) this.#fail(this.#failure)
      else this.#deliver()
    })
  }

  /** Stops reading; bytes that came after the handshake are put back for whoever reads the socket next. */
  detach(): void {
    clearTimeout(this.#timer)
    this.socket.off('data', this.#onData)
    this.socket.off('close', this.#onEnd)
    this.socket.off('error', this.#onEnd)
    if (this.#buffered.length > 0) this.socket.unshift(this.#buffered)
  }

  #deliver(): void {
    if (!this.#waiting || this.#buffered.length < 2) return
    const length = this.#buffered.readUInt16BE(0)
    if (length > MAX_MESSAGE_BYTES) return this.#fail(new AuthenticationError('The other side sent something that is not a proclab handshake.'))
    if (this.#buffered.length < 2 + length) return
    const message = this.#buffered.subarray(2, 2 + length)
    this.#buffered = this.#buffered.subarray(2 + length)
    const waiting = this.#waiting
    this.#waiting = undefined
    waiting.resolve(message)
  }

  #fail(error: Error): void {
    this.#failure = error
    const waiting = this.#waiting
    this.#waiting = undefined
    waiting?.reject(error)
  }
}
