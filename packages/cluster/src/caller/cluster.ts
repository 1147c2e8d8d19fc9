import { inspect } from 'node:util'
import * as mp from '@proclab/core'
import { encode } from '../codec.ts'
import { withCode } from '../errors.ts'
import { DEFAULT_QUEUE } from '../wire.ts'
import { Dispatcher } from './dispatcher.ts'
import { keepAlive } from './keep-alive.ts'
import { locateTarget } from './locate.ts'
import { Session } from './session.ts'

/** Where a cluster pool or executor sends its tasks. */
export interface ClusterOptions {
  /** The Redis server, `redis://[:password@]host:port`; default `PROCLAB_REDIS`, else a private server and worker on this machine. */
  redis?: string
  /** The queue that callers and workers meet on; default `'proclab'`. */
  queue?: string
  /**
   * With a private cluster: how many processes its local worker runs (default `cpuCount()`). With a
   * Redis URL: how many processes the cluster has, for the default chunk size (default: what the
   * running workers say they have).
   */
  processes?: number
}

type Fn = (...args: any[]) => unknown

/** A call list, ready to be chunked: each call's arguments (`spread`) or its one argument, and how to name each in messages. */
export interface Calls {
  values: unknown[]
  spread: boolean
  pathOf: (index: number) => string
}

/**
 * What ClusterPool and ClusterExecutor share: the session (opened on construction, its errors
 * reported by the first call that needs it), the dispatcher, and how calls become chunks.
 */
export class ClusterConnection {
  readonly #opening: Promise<{ session: Session; dispatcher: Dispatcher }>
  readonly #processes: number | undefined
  #dispatcher: Dispatcher | undefined

  constructor(options: ClusterOptions, api: string) {
    const { redis, queue = DEFAULT_QUEUE, processes } = options
    if (processes !== undefined && (!Number.isInteger(processes) || processes < 1)) throw invalid(api, 'processes', 'a positive whole number', processes)
    if (typeof queue !== 'string' || !/^[\w.-]+$/.test(queue)) throw invalid(api, 'queue', 'a name of letters, digits, `.`, `_` or `-`', queue)
    if (redis !== undefined && (typeof redis !== 'string' || !/^rediss?:\/\//.test(redis))) throw invalid(api, 'redis', "a URL such as 'redis://host:6379'", redis)
    this.#processes = processes
    this.#opening = keepAlive.during(Session.open({ redis, queue, processes: processes ?? mp.cpuCount(), api }).then((session) => ({ session, dispatcher: (this.#dispatcher = new Dispatcher(session)) })))
    this.#opening.catch(() => {}) // reported by the first call that needs the cluster
  }

  /**
   * Sends `calls[start, end)` as one chunk (checked and encoded now). `values` resolves with their
   * values; `withdraw()` takes the chunk back if it is not in Redis yet; `sent` is called once it is.
   */
  chunk(api: string, fn: Fn, calls: Calls, start: number, end: number, sent?: () => void): { values: Promise<unknown[]>; withdraw: () => boolean } {
    const slice = start === 0 && end === calls.values.length ? calls.values : calls.values.slice(start, end)
    const encoded = encode(slice, api, (i) => calls.pathOf(start + i))
    const target = locateTarget(fn, api)
    let seq: number | undefined
    let withdrawn = false
    const values = this.#opening.then(({ dispatcher }) => {
      if (withdrawn) return []
      const submitted = dispatcher.submit({ target, spread: calls.spread, calls: encoded, ...(sent ? { sent } : {}) })
      seq = submitted.seq
      return submitted.values
    })
    const withdraw = () => {
      if (seq === undefined) return (withdrawn = true)
      return this.#dispatcher?.withdraw(seq) ?? false
    }
    return { values, withdraw }
  }

  /** Python's default chunk size: about four chunks per process of the cluster. */
  async defaultChunksize(count: number): Promise<number> {
    const processes = this.#processes ?? (await this.#clusterProcesses()) ?? mp.cpuCount()
    return Math.max(1, Math.ceil(count / (processes * 4)))
  }

  /** Waits until every chunk has settled, then leaves the cluster (and stops a private one). */
  finish(): Promise<void> {
    return keepAlive.during(this.#finish())
  }

  async #finish(): Promise<void> {
    const opened = await this.#opening.catch(() => undefined)
    if (!opened) return
    await opened.dispatcher.drained()
    await opened.session.close()
  }

  /** Fails every unsettled chunk with `error`, removes its jobs, and leaves the cluster. */
  abort(error: Error): Promise<void> {
    return keepAlive.during(this.#abort(error))
  }

  async #abort(error: Error): Promise<void> {
    const opened = await this.#opening.catch(() => undefined)
    if (!opened) return
    await opened.dispatcher.failAll(error)
    await opened.session.close({ now: true })
  }

  /** What the running workers say they have, in all; undefined if none has registered. */
  async #clusterProcesses(): Promise<number | undefined> {
    const { session } = await this.#opening
    const keys: string[] = []
    let cursor = '0'
    do {
      const [next, found] = await session.redis.scan(cursor, 'MATCH', session.keys.workersPattern, 'COUNT', 1000)
      cursor = next
      keys.push(...found)
    } while (cursor !== '0')
    if (keys.length === 0) return undefined
    const counts = (await session.redis.mget(keys)).map(Number).filter((n) => n > 0)
    return counts.length > 0 ? counts.reduce((a, b) => a + b, 0) : undefined
  }

}

export function invalid(api: string, option: string, expected: string, value: unknown): RangeError {
  return withCode(new RangeError(`${api} expects \`${option}\` to be ${expected}, got ${inspect(value)}.`), 'ERR_CLUSTER_INVALID_ARG')
}
