import { lazy } from '../lazy-require.ts'
import { inspect } from 'node:util'
import { Pipe } from '../pipes/connection.ts'
import { StateError, withCode } from '../errors.ts'
import { managerProcess, type TypeidSource } from './process.ts'
import { Process } from '../process.ts'
import { describeAddress, reviveError, keyBytes, validAddress, type SerializedError, type Address } from '../transport/index.ts'
import { locateExport } from '../spawn/targets.ts'
import { argumentsForServer, builtinTypeid } from './builtins.ts'
import { connectionTo, createRemote, forgetConnection, type ManagerConnection } from './client.ts'
import { ManagerServer, type Factory } from './server.ts'
import { internally } from '../trace.ts'

// Loaded on first use (see lazy-require.ts).
const crypto = lazy<typeof import('node:crypto')>('node:crypto')

/** Options of a manager (Python's `BaseManager(address=, authkey=)`). */
export interface ManagerOptions {
  /** `[host, port]` to serve on or connect to (or a Unix socket path); by default 127.0.0.1 and a free port. */
  address?: Address
  /** The shared secret clients must prove they know (a string or bytes); a random one by default. */
  authkey?: string | Uint8Array
}

/** The server of a manager, serving from this process (`getServer()`). */
export interface ManagerServerHandle {
  /** Where it listens. */
  readonly address: Address
  /** Serves until `close()` (or a client's `shutdown()`); the promise resolves then. */
  serveForever(): Promise<void>
  close(): Promise<void>
}

/** As CPython's: getServer() leaves a manager 'new' (it may still start() or connect()). */
type State = 'new' | 'started' | 'connected' | 'shut down'

/** Typeids registered on each manager class (a subclass also has its parent's). */
const registries = new WeakMap<Function, Map<string, Factory | undefined>>()

/** Names a typeid may not take: they are the manager's own methods. */
const RESERVED = new Set(['start', 'connect', 'shutdown', 'getServer', 'address', 'constructor', 'then'])

/**
 * Serves objects to other processes, on this machine or others, over TCP (Python's
 * `multiprocessing.managers.BaseManager`). Subclass it, `register` typeids, then either serve
 * (`getServer().serveForever()` here, or `start()` in a new process) or `connect()` to a server.
 * @example
 * class QueueManager extends mp.BaseManager { declare getTaskQueue: () => Promise<mp.Queue<number>> }
 * QueueManager.register('getTaskQueue')
 * const m = new QueueManager({ address: ['127.0.0.1', 50000], authkey: 'secret' })
 * await m.connect()
 * const tasks = await m.getTaskQueue()
 */
export class BaseManager {
  /**
   * Adds a method `typeid` to this manager class: on a client it returns a proxy to the object that
   * `callable(...args)` makes on the server. The server needs `callable`; a client registers the
   * typeid alone. With `start()`, `callable` must be an exported function (the server's process imports it).
   */
  static register(typeid: string, callable?: (...args: any[]) => unknown): void {
    if (typeof typeid !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(typeid) || RESERVED.has(typeid)) {
      throw withCode(new TypeError(`${this.name}.register() expects a typeid that is a method name other than ${[...RESERVED].join(', ')}; got ${inspect(typeid)}.`), 'ERR_MP_INVALID_ARG')
    }
    if (callable !== undefined && typeof callable !== 'function') {
      throw withCode(new TypeError(`${this.name}.register('${typeid}', callable) expects a function that returns the object to serve, got ${inspect(callable)}.`), 'ERR_MP_INVALID_ARG')
    }
    let own = registries.get(this)
    if (!own) registries.set(this, (own = new Map()))
    own.set(typeid, callable)
    Object.defineProperty(this.prototype, typeid, {
      configurable: true,
      writable: true,
      value: function (this: BaseManager, ...args: unknown[]) {
        return this.#create(typeid, args)
      },
    })
  }

  /** The address it was given: every server it makes listens there. */
  readonly #requested: Address
  /** Where its last server listens (the port it was given), or where it connects. */
  #address: Address
  readonly #authkey: Buffer
  #state: State = 'new'
  #connection: ManagerConnection | undefined
  #process: Process | undefined
  /** Servers made by getServer() that are not closed yet. */
  readonly #servers = new Set<ManagerServer>()

  constructor({ address = ['127.0.0.1', 0], authkey }: ManagerOptions = {}) {
    if (authkey !== undefined && typeof authkey !== 'string' && !(authkey instanceof Uint8Array)) {
      throw withCode(new TypeError(`new ${new.target.name}() expects \`authkey\` to be a string or a Uint8Array, got ${inspect(authkey)}.`), 'ERR_MP_INVALID_ARG')
    }
    this.#requested = this.#address = validAddress(address, `new ${new.target.name}()`)
    this.#authkey = authkey === undefined ? crypto().randomBytes(32) : keyBytes(authkey)
  }

  /** Where the server listens (after `start()` or `getServer()`, with the port it was given). */
  get address(): Address {
    return typeof this.#address === 'string' ? this.#address : [...this.#address]
  }

  /**
   * A server for this manager's registered types, in this process, already listening. As in Python, the
   * manager itself stays as it was: once that server is closed, it can still `start()`.
   */
  async getServer(): Promise<ManagerServerHandle> {
    this.#expectState('getServer', 'new')
    const factories = new Map<string, Factory>()
    for (const [typeid, callable] of this.#registry()) {
      if (!callable) throw new TypeError(`${this.constructor.name}.getServer(): '${typeid}' was registered without a callable, so there is nothing to serve for it.`)
      factories.set(typeid, callable)
    }
    this.#expectFreeAddress('getServer')
    const server = new ManagerServer({ address: this.#requested, authkey: this.#authkey, factories })
    this.#address = await server.listen()
    this.#servers.add(server)
    const address = this.address
    const closed = () => void this.#servers.delete(server)
    return {
      address,
      serveForever: () => server.serveForever().finally(closed),
      close: () => server.close().finally(closed),
    }
  }

  /** Starts the server in a new process and connects to it. */
  async start(): Promise<void> {
    this.#expectState('start', 'new')
    this.#expectFreeAddress('start')
    const typeids: [string, TypeidSource][] = [...this.#registry()].map(([typeid, callable]) => {
      if (!callable) throw new TypeError(`${this.constructor.name}.start(): '${typeid}' was registered without a callable, so the server cannot make it.`)
      const builtin = builtinTypeid(callable)
      return [typeid, builtin ? { builtin } : { ref: locateExport(callable, `${this.constructor.name}.start()`, `callable registered as '${typeid}'`) }]
    })
    const [receive, send] = Pipe<{ address: Address } | { error: SerializedError }>({ duplex: false })
    const config = { address: this.#requested, authkey: this.#authkey.toString('hex'), typeids }
    // A daemon: terminated when this program ends, like Python's manager process.
    this.#process = new Process({ target: managerProcess, args: [config, send], name: `${this.constructor.name}-server`, daemon: true })
    this.#process.start()
    await send.close()
    const ready = await internally(() => receive.recv())
    await receive.close()
    if ('error' in ready) {
      await this.#process.join()
      throw reviveError(ready.error, `the ${this.constructor.name} server process`)
    }
    this.#address = ready.address
    this.#connection = connectionTo(this.#address, this.#authkey)
    await this.#connection.ready()
    this.#state = 'started'
  }

  /** Connects to a running server at `address`; rejects with `AuthenticationError` on a wrong authkey. */
  async connect(): Promise<void> {
    this.#expectState('connect', 'new')
    const connection = connectionTo(this.#address, this.#authkey)
    await connection.ready()
    this.#connection = connection
    this.#state = 'connected'
  }

  /** Stops the server this manager started (and those it serves), and waits for its process to end. */
  async shutdown(): Promise<void> {
    const state = this.#state
    this.#state = 'shut down'
    await Promise.all([...this.#servers].map((server) => server.close()))
    this.#servers.clear()
    if (state !== 'started') return
    try {
      await this.#connection!.request({ kind: 'shutdown' })
    } catch {} // already gone: nothing to stop
    forgetConnection(this.#address)
    await this.#process!.join(5_000)
    if (this.#process!.isAlive()) {
      this.#process!.kill()
      await this.#process!.join()
    }
  }

  /** `await using manager = …` shuts the manager down at the end of the scope. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.shutdown()
  }

  async #create(typeid: string, args: unknown[]): Promise<object> {
    if (this.#state !== 'started' && this.#state !== 'connected') {
      throw new StateError(`${this.constructor.name}.${typeid}() needs a running manager: call \`await manager.start()\` or \`await manager.connect()\` first${this.#state === 'shut down' ? ' (this one was shut down)' : ''}.`)
    }
    return createRemote(this.#connection!, typeid, argumentsForServer(this.#registry().get(typeid), args))
  }

  #registry(): Map<string, Factory | undefined> {
    const merged = new Map<string, Factory | undefined>()
    const chain: Function[] = []
    for (let cls: Function | null = this.constructor; cls && cls !== Object; cls = Object.getPrototypeOf(cls)) chain.unshift(cls)
    for (const cls of chain) for (const [typeid, callable] of registries.get(cls) ?? []) merged.set(typeid, callable)
    return merged
  }

  #expectState(api: string, expected: State): void {
    if (this.#state !== expected) {
      throw new StateError(`${this.constructor.name}.${api}() cannot be called on a manager that is ${this.#state}: use a new manager.`)
    }
  }

  /** A fixed address (a port, a socket path) takes one server at a time; port 0 gives each a free port. */
  #expectFreeAddress(api: string): void {
    const fixed = typeof this.#requested === 'string' || this.#requested[1] !== 0
    if (fixed && this.#servers.size > 0) {
      throw new StateError(
        `${this.constructor.name}.${api}(): the server from getServer() still listens on ${describeAddress(this.#requested)}. Close it first (\`await server.close()\`), or give this manager another address.`,
      )
    }
  }
}
