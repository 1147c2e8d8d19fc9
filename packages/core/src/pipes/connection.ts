import { inspect } from 'node:util'
import { linkTo, newObjectId, receive, serve } from '../transport/endpoint.ts'
import { EOFError, StateError } from '../errors.ts'
import { keepAliveWhile } from '../keep-alive.ts'
import type { Link } from '../transport/link.ts'
import type { PipeReaderMessage } from '../transport/messages.ts'
import { Deque } from '../deque.ts'
import { OWNER, PipeCore, pipeServant, type EndState } from './core.ts'
import { assertCloneable, bulkBytes, registerReviver, snapshot, SHARED, type SharedHandle, type SharedObject } from '../reduction.ts'
import { pause, seeded } from '../schedule.ts'
import { validTimeout } from '../timeouts.ts'
import { traceWait } from '../trace.ts'

interface EndHandle extends SharedHandle {
  pipe: string
  end: 0 | 1
  owner: string
  readable: boolean
  writable: boolean
}

/** Where a connection's data and EOF come from: the owner's own state, or a mirror fed by the owner. */
interface Inbox {
  state: Pick<EndState, 'inbox' | 'waiting'>
  eof(): boolean
}

let reviving: EndHandle | undefined

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
  readonly #end: 0 | 1
  readonly #core: PipeCore | undefined
  #owner: string | undefined
  #link: Link | undefined
  #mirror: Inbox | undefined
  #closed = false

  /** @internal Made by {@link Pipe}. */
  constructor(core: PipeCore | undefined, pipe: string, end: 0 | 1, readable: boolean, writable: boolean) {
    const handle = reviving
    reviving = undefined
    this.#core = handle ? undefined : core
    this.#pipe = handle?.pipe ?? pipe
    this.#end = handle?.end ?? end
    this.readable = handle?.readable ?? readable
    this.writable = handle?.writable ?? writable
    if (handle) {
      this.#owner = handle.owner
      this.#link = linkTo(handle.owner)
    }
  }

  /** Sends a copy of `value` to the other end. Order is kept even if you do not await. */
  async send(value: T): Promise<void> {
    if (seeded) await pause()
    this.#usable('send')
    if (!this.writable) throw new StateError('Connection.send() cannot be used: this end of a one-way pipe only receives. Send from the other end.')
    assertCloneable(value, 'value', 'Connection.send()', 'the value')
    // Copied now, as Python pickles in send(): a change made after send() returns is not sent.
    await this[SEND_CHECKED](snapshot(value), false)
  }

  /** @internal For values already checked (proclab's own messages): no second walk; `copy` for a reader in this process. */
  async [SEND_CHECKED](value: T, copy = true): Promise<void> {
    if (this.#core) this.#core.send(this.#end, value, copy ? structuredClone : undefined)
    else {
      this.#link!.send({ kind: 'c.send', id: this.#pipe, end: this.#end, value }, bulkBytes(value))
      await this.#link!.drained()
    }
  }

  /** The next value sent from the other end; waits for it. Throws `EOFError` once the other end is closed everywhere and nothing is left. */
  async recv(): Promise<T> {
    if (seeded) await pause()
    const inbox = this.#reader('recv')
    if (inbox.state.inbox.length === 0 && !inbox.eof()) {
      await keepAliveWhile(traceWait(`recv ${this}`, { kind: 'pipe', id: this.#pipe }, this.#arrival(inbox, Infinity)))
    }
    if (inbox.state.inbox.length > 0) return inbox.state.inbox.shift() as T
    throw new EOFError('Connection.recv() reached the end: every handle to the other end is closed and nothing is left to read.')
  }

  /** Whether `recv()` would return at once (data, or EOF); waits up to `timeout` ms (0: just look; Infinity: until then). */
  async poll(timeout = 0): Promise<boolean> {
    const inbox = this.#reader('poll')
    const ms = validTimeout(timeout, 'Connection.poll()')
    const ready = () => inbox.state.inbox.length > 0 || inbox.eof()
    if (!ready() && ms > 0) await keepAliveWhile(traceWait(`poll ${this}`, { kind: 'pipe', id: this.#pipe }, this.#arrival(inbox, ms)))
    return ready()
  }

  /** Closes this process's handle to this end; later calls here throw `StateError`. */
  close(): void {
    if (this.#closed) return
    this.#closed = true
    if (this.#core) this.#core.release(this.#end, OWNER)
    else this.#link!.send({ kind: 'c.release', id: this.#pipe, end: this.#end, key: `pid:${process.pid}` })
  }

  get closed(): boolean {
    return this.#closed
  }

  get [SHARED]() {
    return {
      closed: this.#closed,
      handle: (): EndHandle => {
        this.#owner ??= serve(this.#pipe, pipeServant(this.#core!))
        return { type: 'Connection', pipe: this.#pipe, end: this.#end, owner: this.#owner, readable: this.readable, writable: this.writable }
      },
      sentToChild: (pid: number, exited: Promise<unknown>) => {
        const key = `pid:${pid}`
        if (this.#core) {
          this.#core.hold(this.#end, key)
          void exited.then(() => this.#core!.releaseAfterExit(this.#end, pid))
        } else {
          this.#link!.send({ kind: 'c.hold', id: this.#pipe, end: this.#end, key })
          void exited.then(() => this.#link!.send({ kind: 'c.release', id: this.#pipe, end: this.#end, key }))
        }
      },
    }
  }

  toString(): string {
    return `<Connection pipe=${this.#pipe} end=${this.#end}${this.#closed ? ' closed' : ''}>`
  }

  [inspect.custom](): string {
    return this.toString()
  }

  #usable(api: string): void {
    if (this.#closed) throw new StateError(`Connection.${api}() cannot be used: this connection is closed. Call ${api}() before close().`)
  }

  /** What this end reads from: the owner's inbox, or (elsewhere) a mirror the owner fills. */
  #reader(api: string): Inbox {
    this.#usable(api)
    if (!this.readable) throw new StateError(`Connection.${api}() cannot be used: this end of a one-way pipe only sends. Receive on the other end.`)
    if (this.#core) {
      const core = this.#core
      return { state: core.ends[this.#end], eof: () => core.writerGone(this.#end) }
    }
    return (this.#mirror ??= this.#subscribe())
  }

  #subscribe(): Inbox {
    const state = { inbox: new Deque<unknown>(), waiting: new Set<() => void>() }
    let ended = false
    const wake = () => {
      for (const resume of state.waiting) resume()
      state.waiting.clear()
    }
    const reader = newObjectId()
    receive<PipeReaderMessage>(reader, (message) => {
      if (message.kind === 'c.data') state.inbox.push(message.value)
      else ended = true
      wake()
    })
    const link = this.#link!
    // The owner gone is the other end gone too.
    link.onClose(() => {
      ended = true
      wake()
    })
    link.send({ kind: 'c.sub', id: this.#pipe, end: this.#end, reader })
    return { state, eof: () => ended }
  }

  /** Resolves when data or EOF arrives, or after `ms`. A remote reader keeps its link alive meanwhile. */
  #arrival(inbox: Inbox, ms: number): Promise<void> {
    this.#link?.hold()
    return new Promise<void>((resolve) => {
      const timer = ms === Infinity ? undefined : setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        inbox.state.waiting.delete(done)
        resolve()
      }
      inbox.state.waiting.add(done)
    }).finally(() => this.#link?.release())
  }
}

registerReviver('Connection', (handle) => {
  reviving = handle as EndHandle
  return new Connection(undefined, '', 0, false, false)
})

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
  return [new Connection<T>(core, id, 0, true, duplex), new Connection<T>(core, id, 1, duplex, true)]
}
