import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import { Queue } from 'bullmq'
import type { Redis } from 'ioredis'
import { connectRedis, redactUrl } from '../redis/connect.ts'
import { startPrivateRedis, type PrivateRedis } from '../redis/embedded.ts'
import { BULLMQ_PREFIX, CALLER_HEARTBEAT_MS, CALLER_TTL_MS, clusterKeys, REDIS_ENV } from '../wire.ts'
import { startLocalWorker, type LocalWorker } from './local-worker.ts'

/** Where a caller's tasks go: a Redis URL and a queue name, or a private cluster on this machine. */
export interface SessionOptions {
  redis?: string | undefined
  queue: string
  /** With a private cluster: how many processes its local worker runs. */
  processes: number
  api: string
}

/**
 * A caller's hold on the cluster: its two Redis connections (commands, and a blocking reader of its
 * replies), the BullMQ queue, its heartbeat key, and, with no URL, the private redis-server and local
 * worker it started. Idle, it never keeps the program alive.
 */
export class Session {
  readonly id = `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`
  readonly keys: ReturnType<typeof clusterKeys>
  #heartbeat: NodeJS.Timeout | undefined
  #closed = false

  private constructor(
    /** The server's URL without its password, for messages. */
    readonly url: string,
    readonly queueName: string,
    readonly redis: Redis,
    readonly reader: Redis,
    readonly queue: Queue,
    readonly privateCluster: { redis: PrivateRedis; worker: LocalWorker } | undefined,
  ) {
    this.keys = clusterKeys(queueName)
  }

  /** Connects (failing fast on a wrong URL or password) and starts the heartbeat. */
  static async open({ redis, queue, processes, api }: SessionOptions): Promise<Session> {
    const url = redis ?? process.env[REDIS_ENV]
    let privateCluster: Session['privateCluster']
    let target = url
    if (!target) {
      const server = await startPrivateRedis()
      try {
        privateCluster = { redis: server, worker: await startLocalWorker({ redis: server.url, queue, processes }) }
      } catch (error) {
        await server.stop()
        throw error
      }
      target = server.url
    }
    try {
      const client = await connectRedis(target, { role: 'caller', api })
      const reader = await connectRedis(target, { role: 'caller', blocking: true, api })
      for (const connection of [client, reader]) neverKeepsAlive(connection)
      const bull = new Queue(queue, { connection: client, prefix: BULLMQ_PREFIX })
      bull.on('error', () => {}) // a lost connection fails the tasks through the dispatcher, not as an uncaught 'error'
      const session = new Session(redactUrl(target), queue, client, reader, bull, privateCluster)
      await session.#beat()
      session.#heartbeat = setInterval(() => session.#beat().catch(() => {}), CALLER_HEARTBEAT_MS).unref()
      return session
    } catch (error) {
      await privateCluster?.worker.stop()
      await privateCluster?.redis.stop()
      throw error
    }
  }

  /** Whether the caller is still here, for workers: they drop the jobs of a caller whose key expired. */
  async #beat(): Promise<void> {
    await this.redis.set(this.keys.caller(this.id), '1', 'PX', CALLER_TTL_MS)
  }

  /** Removes this caller's keys, closes the connections, and stops a private cluster (`now`: without waiting for its worker). */
  async close({ now = false } = {}): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    clearInterval(this.#heartbeat)
    await this.redis.del(this.keys.caller(this.id), this.keys.replies(this.id)).catch(() => {})
    await this.queue.close().catch(() => {})
    this.reader.disconnect()
    this.redis.disconnect()
    if (this.privateCluster) {
      await this.privateCluster.worker.stop({ now })
      await this.privateCluster.redis.stop()
    }
  }
}

/** A connection's socket never holds the program open; pending tasks do (see keep-alive.ts). */
function neverKeepsAlive(connection: Redis): void {
  const unref = () => (connection as unknown as { stream?: { unref?: () => void } }).stream?.unref?.()
  unref()
  connection.on('connect', unref)
}
