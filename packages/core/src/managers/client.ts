import { createConnection } from 'node:net'
import { inspect } from 'node:util'
import { StateError } from '../errors.ts'
import { Link, LinkClosedError, reviveError, describeAddress, socketOptions, authenticateServer, type ManagerOutcome, type ManagerRequest, type Unnumbered, type Address } from '../transport/index.ts'
import { registerReviver, SHARED, type SharedHandle } from '../reduction.ts'
import { waitForPredicate } from '../sync/condition.ts'
import { validTimeout } from '../timeouts.ts'
import { trace, tracing } from '../trace.ts'
import { argumentsToServer, proxyMethodName, resultFromServer } from './call-arguments.ts'

/**
 * The client side of a manager: one authenticated connection per server and process, and proxies,
 * objects whose every method call runs on the server. A proxy can be handed to other processes
 * (Process args, Pool tasks): it arrives as a proxy to the same object, with its own connection.
 */

/** One process's connection to one manager server. */
export class ManagerConnection {
  readonly #ready: Promise<Link>
  #gone: Error | undefined

  constructor(
    readonly address: Address,
    readonly authkey: Buffer,
  ) {
    this.#ready = this.#connect()
    this.#ready.catch(() => {}) // reported by the call that awaits it
  }

  /** Resolves once connected and authenticated; rejects with AuthenticationError on a wrong authkey. */
  ready(): Promise<unknown> {
    return this.#ready
  }

  /** Sends a request and resolves its value, or rejects with the error it threw on the server. */
  async request(message: Unnumbered<ManagerRequest>): Promise<unknown> {
    if (this.#gone) throw this.#gone
    const link = await this.#ready
    let reply: ManagerOutcome
    try {
      reply = await link.request(message).reply
    } catch (error) {
      if (error instanceof LinkClosedError) throw this.#lost()
      throw error
    }
    if (reply.error) throw reviveError(reply.error, `the manager server at ${this.#where}`)
    return reply.value
  }

  async #connect(): Promise<Link> {
    const socket = createConnection(socketOptions(this.address))
    if (typeof this.address !== 'string') socket.setNoDelay(true)
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve)
      socket.once('error', (error) =>
        reject(new StateError(`Could not connect to a manager at ${this.#where}: ${error.message}. Is its server running, and is the address right?`, { cause: error })),
      )
    })
    try {
      await authenticateServer(socket, this.authkey)
    } catch (error) {
      socket.destroy()
      throw error
    }
    const link = new Link(socket, () => {})
    link.onClose(() => this.#lost())
    return link
  }

  #lost(): Error {
    return (this.#gone ??= new StateError(`The manager is gone: its server at ${this.#where} has stopped (shut down, or its process ended). Proxies of it can no longer be used.`))
  }

  get #where(): string {
    return describeAddress(this.address)
  }
}

const connections = new Map<string, ManagerConnection>()

/** This process's connection to the manager at `address` (one per address, shared by its proxies). */
export function connectionTo(address: Address, authkey: Buffer): ManagerConnection {
  const key = String(address)
  let connection = connections.get(key)
  if (!connection || !connection.authkey.equals(authkey)) connections.set(key, (connection = new ManagerConnection(address, authkey)))
  return connection
}

/** Forgets the connection to `address` (the manager was shut down): a later manager there gets a new one. */
export function forgetConnection(address: Address): void {
  connections.delete(String(address))
}

interface ProxyHandle extends SharedHandle {
  address: Address
  authkey: string
  id: string
  typeid: string
}

/** What a proxy is besides its remote methods. */
interface ProxyCore {
  readonly connection: ManagerConnection
  readonly id: string
  readonly typeid: string
}

const cores = new WeakMap<object, ProxyCore>()

/**
 * Methods a proxy runs where it is, on top of remote calls: Python's `with` on a lock or condition,
 * and a condition's `waitFor`, whose predicate is local code.
 */
const LOCAL_METHODS: Record<string, (proxy: any, ...args: any[]) => unknown> = {
  async runExclusive(proxy, fn: () => unknown) {
    await proxy.acquire()
    try {
      return await fn()
    } finally {
      await proxy.release()
    }
  },
  waitFor(proxy, predicate: () => unknown, timeout?: number) {
    return waitForPredicate(predicate, (left) => proxy.wait(left), validTimeout(timeout, 'Condition.waitFor()'))
  },
}

/** A proxy to object `id` of the manager behind `connection`: every method is an async remote call. */
function makeProxy<T extends object>(connection: ManagerConnection, id: string, typeid: string): T {
  const core: ProxyCore = { connection, id, typeid }
  const methods = new Map<string, (...args: unknown[]) => Promise<unknown>>()
  const shared = {
    closed: false,
    travels: true,
    handle: (): ProxyHandle => ({ type: 'ManagerProxy', address: connection.address, authkey: connection.authkey.toString('hex'), id, typeid }),
  }
  const describe = () => `<${typeid} proxy of object ${id} at ${describeAddress(connection.address)}>`
  // Python's ValueProxy has a `value` property: here `await proxy.value` reads it, `proxy.value = v` sets it.
  const valueProperty = typeid === 'Value'
  const methodOf = (key: string): ((...args: unknown[]) => Promise<unknown>) => {
    let method = methods.get(key)
    if (!method) {
      const local = LOCAL_METHODS[key]
      const api = proxyMethodName(typeid, key)
      method = local
        ? (...args) => Promise.resolve(local(proxy, ...args))
        : async (...args) => {
            const request = { kind: 'call', id, method: key, args: argumentsToServer(args, api, idOnServer(connection), false) } as const
            // Which process called what on a shared object: a check can tell a child's set() from the parent's.
            if (tracing) trace('call', { on: `${typeid} ${id}`, typeid, method: key })
            return resultFromServer(await connection.request(request))
          }
      methods.set(key, method)
    }
    return method
  }
  const proxy: object = new Proxy(Object.create(null), {
    get(_, key) {
      if (key === SHARED) return shared
      // Not a thenable: `await manager.dict()` must resolve to the proxy, not call it.
      if (typeof key === 'symbol' || key === 'then') return key === inspect.custom ? describe : undefined
      if (key === 'toString') return describe
      if (key === 'value' && valueProperty) return methodOf('get')()
      return methodOf(key)
    },
    has: (_, key) => key === SHARED || (key === 'value' && valueProperty),
    set(_, key, value) {
      if (key === 'value' && valueProperty) {
        // Sent at once, so every later call on this manager sees it; its failure (the manager is gone) is
        // an uncaught rejection, as Python's assignment would raise. `await proxy.set(v)` waits for it.
        void methodOf('set')(value)
        return true
      }
      throw new TypeError(`${describe()}: a proxy has methods, not properties to assign: call its set(…) method instead.`)
    },
  })
  cores.set(proxy, core)
  return proxy as T
}

/** The id of `value` on the server behind `connection`, if it is a proxy of that server. */
function idOnServer(connection: ManagerConnection): (value: unknown) => string | undefined {
  return (value) => {
    const core = typeof value === 'object' && value !== null ? cores.get(value) : undefined
    return core?.connection === connection ? core.id : undefined
  }
}

/** Creates an object of `typeid` on the server and returns a proxy to it. */
export async function createRemote<T extends object>(connection: ManagerConnection, typeid: string, args: unknown[]): Promise<T> {
  const api = `manager.${typeid}()`
  const id = (await connection.request({ kind: 'create', typeid, args: argumentsToServer(args, api, idOnServer(connection), true) })) as string
  return makeProxy<T>(connection, id, typeid)
}

registerReviver('ManagerProxy', (handle) => {
  const { address, authkey, id, typeid } = handle as ProxyHandle
  return makeProxy(connectionTo(address, Buffer.from(authkey, 'hex')), id, typeid)
})
