import { inspect } from 'node:util'
import { EOFError, StateError } from '../errors.ts'
import { keepAliveWhile } from '../keep-alive.ts'
import { assertCloneable, registerReviver, snapshot, SHARED, type SharedHandle, type SharedObject } from '../reduction.ts'
import { pause, seeded } from '../schedule.ts'
import { validTimeout } from '../timeouts.ts'
import { RESOLVED } from '../sync/primitive.ts'
import { raised, traceWait } from '../trace.ts'
import { newObjectId, serve, type PipeEnd } from '../transport/index.ts'
import { PipeCore, type EndAccess, type Inbox } from './core.ts'
import { LocalEnd } from './local.ts'
import { RemoteEnd } from './remote.ts'
import { pipeServant } from './servant.ts'

interface EndHandle extends SharedHandle {
  pipe: string
  end: PipeEnd
  owner: string
  readable: boolean
  writable: boolean
}

/** Sends without checking the value again (see Connection[SEND_CHECKED]). */
export const SEND_CHECKED = Symbol('proclab.connection.sendChecked')

/**
 * One end of a pipe, like Python's `multiprocessing.connection.Connection`.
 * @example
 * const [parentEnd, childEnd] = mp.Pipe()
 * await parentEnd.send({ hello: 'child' })
 * const reply = await parentEnd.recv()
 */
export class Connection<T = unknown> implements SharedObject {
  readonly readable: boolean
  readonly writable: boolean
  readonly #pipe: string
  readonly #end: PipeEnd
  readonly #access: EndAccess
  /** What its waits add to their trace events. */
  readonly #traced: { kind: 'pipe'; id: string }
  #owner: string | undefined
  #closed = false

  /** @internal Made by {@link Pipe}, or by {@link Connection.fromHandle} in another process. */
  constructor(access: EndAccess, pipe: string, end: PipeEnd, readable: boolean, writable: boolean, owner?: string) {
    this.#access = access
    this.#pipe = pipe
    this.#end = end
    this.readable = readable
    this.writable = writable
    this.#traced = { kind: 'pipe', id: pipe }
    this.#owner = owner
  }

  /** Sends a copy of `value` to the other end. Order is kept even if you do not await. */
  async send(value: T): Promise<void> {
    if (seeded) await pause()
    this.#usable('send')
    if (!this.writable) throw new StateError('Connection.send() cannot be used: this end of a one-way pipe only receives. Send from the other end.')
    assertCloneable(value, 'value', 'Connection.send()', 'the value')
    // Copied now, as Python pickles in send(): a change made after send() returns is not sent.
    const sending = this.#access.send(snapshot(value), false)
    if (sending) await sending
  }

  /** @internal For values already checked (proclab's own messages): no second walk; `copy` for a reader in this process. */
  [SEND_CHECKED](value: T, copy = true): Promise<void> {
    return this.#access.send(value, copy) ?? RESOLVED
  }

  /** The next value sent from the other end; waits for it. Throws `EOFError` once the other end is closed everywhere and nothing is left. */
  async recv(): Promise<T> {
    if (seeded) await pause()
    const inbox = this.#reader('recv')
    if (inbox.state.inbox.length === 0 && !inbox.eof()) {
      await keepAliveWhile(traceWait(`recv ${this}`, this.#traced, this.#arrival(inbox, Infinity)))
    }
    if (inbox.state.inbox.length > 0) return inbox.state.inbox.shift() as T
    throw raised(new EOFError('Connection.recv() reached the end: every handle to the other end is closed and nothing is left to read.'), `recv ${this}`)
  }

  /** Whether `recv()` would return at once (data, or EOF); waits up to `timeout` ms (0: just look; Infinity: until then). */
  async poll(timeout = 0): Promise<boolean> {
    const inbox = this.#reader('poll')
    const ms = validTimeout(timeout, 'Connection.poll()')
    const ready = () => inbox.state.inbox.length > 0 || inbox.eof()
    if (!ready() && ms > 0) await keepAliveWhile(traceWait(`poll ${this}`, this.#traced, this.#arrival(inbox, ms)))
    return ready()
  }

  /** Closes this process's handle to this end; later calls here throw `StateError`. */
  close(): void {
    if (this.#closed) return
    this.#closed = true
    this.#access.close()
  }

  get closed(): boolean {
    return this.#closed
  }

  get [SHARED]() {
    return {
      closed: this.#closed,
      handle: (): EndHandle => {
        this.#owner ??= serve(this.#pipe, pipeServant(this.#access.core!))
        return { type: 'Connection', pipe: this.#pipe, end: this.#end, owner: this.#owner, readable: this.readable, writable: this.writable }
      },
      sentToChild: (pid: number, exited: Promise<unknown>) => this.#access.heldByChild(pid, exited),
    }
  }

  toString(): string {
    return `<Connection pipe=${this.#pipe} end=${this.#end}${this.#closed ? ' closed' : ''}>`
  }

  [inspect.custom](): string {
    return this.toString()
  }

  /** Rebuilds, in another process, the end a handle stands for: the same end, reached through the pipe's owner. */
  private static fromHandle(handle: SharedHandle): Connection {
    const { pipe, end, owner, readable, writable } = handle as EndHandle
    return new this(new RemoteEnd(pipe, end, owner), pipe, end, readable, writable, owner)
  }

  static {
    // `this`, not the class's name: a class that names itself in its body is renamed by the bundler.
    registerReviver('Connection', (handle) => this.fromHandle(handle))
  }

  #usable(api: string): void {
    if (this.#closed) throw new StateError(`Connection.${api}() cannot be used: this connection is closed. Call ${api}() before close().`)
  }

  /** What this end reads from: the owner's inbox, or (elsewhere) a mirror the owner fills. */
  #reader(api: string): Inbox {
    this.#usable(api)
    if (!this.readable) throw new StateError(`Connection.${api}() cannot be used: this end of a one-way pipe only sends. Receive on the other end.`)
    return this.#access.inbox()
  }

  /** Resolves when data or EOF arrives, or after `ms`. A remote reader keeps its link alive meanwhile. */
  #arrival(inbox: Inbox, ms: number): Promise<void> {
    return this.#access.whileWaiting(
      new Promise<void>((resolve) => {
        const timer = ms === Infinity ? undefined : setTimeout(done, ms)
        function done() {
          clearTimeout(timer)
          inbox.state.waiting.delete(done)
          resolve()
        }
        inbox.state.waiting.add(done)
      }),
    )
  }
}

/**
 * A pipe between processes, like Python's `multiprocessing.Pipe()`: two connected ends. With
 * `duplex: false` it returns `[receiveEnd, sendEnd]`, as Python does.
 * @example
 * const [a, b] = mp.Pipe()
 * new mp.Process({ target: child, args: [b] }).start()
 * b.close() // the parent's copy: the child's handle keeps that end open
 */
export function Pipe<T = unknown>({ duplex = true }: { duplex?: boolean } = {}): [Connection<T>, Connection<T>] {
  const core = new PipeCore()
  const id = newObjectId()
  return [new Connection<T>(new LocalEnd(core, 0), id, 0, true, duplex), new Connection<T>(new LocalEnd(core, 1), id, 1, duplex, true)]
}
