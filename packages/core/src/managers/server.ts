import { createServer, type Server, type Socket } from 'node:net'
import { inspect } from 'node:util'
import { keepAliveWhile } from '../keep-alive.ts'
import { Link, unknownMessage, UnknownMessageError, serializeError, removeSocketFile, socketOptions, authenticateClient, type Incoming, type ManagerRequest, type Address } from '../transport/index.ts'
import { assertCloneable } from '../reduction.ts'
import { settledWithin } from '../timeouts.ts'
import { EXPOSED, TAKES_CALLER, type Caller } from './serving.ts'

/**
 * A manager's server: it keeps objects and runs the methods that proxies call, for any process that
 * connects over TCP and proves it knows the authkey. Each connection is one Link (framed, batched
 * messages); a connection that sends anything malformed is closed, and the others go on.
 */

/** What a typeid makes on the server: called with the proxy's arguments, it returns the object to serve. */
export type Factory = (...args: any[]) => unknown

/** How long closing waits for calls to reply, and then for clients to hang up. */
const CLOSE_GRACE_MS = 1000
/** Frames larger than this close the connection: no proxy call needs more, and a peer may lie. */
const MAX_FRAME_BYTES = 64 << 20
/** Methods no proxy may call, whatever the object. */
const HIDDEN = new Set(Object.getOwnPropertyNames(Object.prototype))

/** A reference, in a proxy call's arguments, to another object of the same server (a Condition's lock). */
export const OBJECT_REF = '__proclab_manager_object__'

export interface ServerOptions {
  address: Address
  authkey: Buffer
  factories: ReadonlyMap<string, Factory>
}

export class ManagerServer {
  readonly #objects = new Map<string, object>()
  readonly #ids = new WeakMap<object, string>()
  readonly #links = new Set<Link>()
  readonly #server: Server
  readonly #options: ServerOptions
  #closed: Promise<void> | undefined
  /** Calls being run, so that closing lets them reply first. */
  readonly #calls = new Set<Promise<void>>()
  #nextId = 0
  #onClose: (() => void)[] = []

  constructor(options: ServerOptions) {
    this.#options = options
    this.#server = createServer((socket) => void this.#accept(socket))
  }

  /** Starts listening; resolves the address it listens on (with the port chosen when 0 was asked). */
  listen(): Promise<Address> {
    const wanted = this.#options.address
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject)
      this.#server.listen(socketOptions(wanted), () => {
        this.#server.off('error', reject)
        const bound = this.#server.address()
        resolve(typeof wanted === 'string' || typeof bound !== 'object' || !bound ? wanted : [wanted[0], bound.port])
      })
    })
  }

  /** Serves until {@link close} (or a client's shutdown request); keeps the process alive meanwhile. */
  serveForever(): Promise<void> {
    this.#server.ref()
    return new Promise((resolve) => this.#onClose.push(resolve))
  }

  /**
   * Stops listening, lets calls in progress send their replies (up to a second: a call that waits,
   * such as a get on an empty queue, is not waited for), then closes every connection. Resolves once
   * all are closed; the process stays alive until then.
   */
  close(): Promise<void> {
    this.#closed ??= keepAliveWhile(this.#shutDown())
    return this.#closed
  }

  async #shutDown(): Promise<void> {
    const stopped = new Promise<void>((resolve) => this.#server.close(() => resolve()))
    await settledWithin(Promise.allSettled(this.#calls), CLOSE_GRACE_MS)
    for (const link of this.#links) link.close()
    // A client that does not end its side in time is cut off: nothing it could still say is awaited.
    await settledWithin(stopped, CLOSE_GRACE_MS)
    for (const link of this.#links) link.destroy()
    await stopped
    removeSocketFile(this.#options.address)
    this.#server.unref()
    for (const done of this.#onClose.splice(0)) done()
  }

  async #accept(socket: Socket): Promise<void> {
    socket.setNoDelay(true)
    try {
      await authenticateClient(socket, this.#options.authkey)
    } catch {
      socket.destroy()
      return
    }
    const link = new Link(socket, (message, from) => this.#track(this.#handle(message, from, caller)), { maxFrameBytes: MAX_FRAME_BYTES })
    const caller: Caller = { onGone: (listener) => link.onClose(listener) }
    this.#links.add(link)
    link.onClose(() => this.#links.delete(link))
  }

  #track(call: Promise<void>): void {
    this.#calls.add(call)
    void call.finally(() => this.#calls.delete(call))
  }

  async #handle(message: Incoming, link: Link, caller: Caller): Promise<void> {
    if (!isManagerRequest(message)) return this.#refuse(link)
    const { seq } = message
    try {
      const value = await this.#run(message, caller)
      assertCloneable(value, 'the result', 'A manager proxy call', 'its result')
      // An undefined result (a set(), a clear()) goes without its key: the reply stays plain data, which travels as JSON (frames.ts).
      link.reply(seq, value === undefined ? {} : { value })
    } catch (error) {
      if (error instanceof MalformedMessage || error instanceof UnknownMessageError) return this.#refuse(link)
      link.reply(seq, { error: serializeError(error) })
    }
  }

  #run(message: ManagerRequest, caller: Caller): unknown {
    switch (message.kind) {
      case 'create':
        return this.#create(message)
      case 'call':
        return this.#call(message, caller)
      case 'shutdown':
        // Answer first, then stop: the client waits for the reply, then for the process to end.
        setImmediate(() => void this.close())
        return null
      default:
        return unknownMessage(message, 'A manager server')
    }
  }

  async #create({ typeid, args }: Extract<ManagerRequest, { kind: 'create' }>): Promise<string> {
    if (typeof typeid !== 'string' || !Array.isArray(args)) throw new MalformedMessage()
    const factory = this.#options.factories.get(typeid)
    if (!factory) throw new TypeError(`The manager has no type '${typeid}': register it on the server, with YourManager.register('${typeid}', callable), before it serves.`)
    const object = await factory(...args.map((arg) => this.#resolve(arg)))
    if (typeof object !== 'object' || object === null) {
      throw new TypeError(`The callable registered as '${typeid}' returned ${inspect(object)}; it must return an object whose methods proxies call.`)
    }
    let id = this.#ids.get(object)
    if (!id) {
      id = String(++this.#nextId)
      this.#ids.set(object, id)
      this.#objects.set(id, object)
    }
    return id
  }

  async #call({ id, method, args }: Extract<ManagerRequest, { kind: 'call' }>, caller: Caller): Promise<unknown> {
    if (typeof id !== 'string' || typeof method !== 'string' || !Array.isArray(args)) throw new MalformedMessage()
    const object = this.#objects.get(id) as Record<string | symbol, unknown> | undefined
    if (!object) throw new ReferenceError(`The manager has no object ${id}.`)
    const exposed = (object.constructor as { [EXPOSED]?: readonly string[] } | undefined)?.[EXPOSED]
    const fn = object[method]
    if (typeof fn !== 'function' || HIDDEN.has(method) || method.startsWith('_') || (exposed && !exposed.includes(method))) {
      throw new TypeError(`The ${object.constructor?.name ?? 'object'} served by the manager has no method '${method}' that proxies may call.`)
    }
    const resolved = args.map((arg) => this.#resolve(arg))
    return await (object[TAKES_CALLER] ? fn.call(object, caller, ...resolved) : fn.apply(object, resolved))
  }

  #resolve(arg: unknown): unknown {
    const ref = typeof arg === 'object' && arg !== null ? (arg as Record<string, unknown>)[OBJECT_REF] : undefined
    if (ref === undefined) return arg
    const object = this.#objects.get(String(ref))
    if (!object) throw new ReferenceError(`The manager has no object ${String(ref)}.`)
    return object
  }

  #refuse(link: Link): void {
    link.destroy()
  }
}

/** A message no proclab proxy sends: the connection is closed. */
class MalformedMessage extends Error {}

const REQUEST_KINDS = new Set<string>(['create', 'call', 'shutdown'] satisfies ManagerRequest['kind'][])

/** Whether a message from a peer (which may send anything) is a numbered manager request; its fields are checked where they are used. */
function isManagerRequest(message: Incoming): message is ManagerRequest {
  return REQUEST_KINDS.has(message.kind) && typeof (message as { seq?: unknown }).seq === 'number'
}
