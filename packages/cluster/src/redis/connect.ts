import { Redis } from 'ioredis'
import { RedisAuthError, RedisUnreachableError } from '../errors.ts'

/** How long the first connection may take before the server counts as unreachable. */
export const CONNECT_TIMEOUT_MS = 3000
/** After a lost connection, a caller retries this many times (about 3 s in all) before failing its tasks. */
const CALLER_RECONNECT_ATTEMPTS = 5

/** Who holds the connection: a caller gives up soon after losing Redis; a worker keeps trying, as a queue worker does. */
export type Role = 'caller' | 'worker'

/** The URL as it may be printed: without its password. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.href
  } catch {
    return url
  }
}

/**
 * Connects to Redis and fails at once, with a clear error, if the server cannot be reached or refuses
 * the password (ioredis alone would retry forever). `blocking` connections (BullMQ workers, blocking
 * reads) must keep requests queued across reconnections.
 * @example
 * const redis = await connectRedis('redis://:secret@10.0.0.5:6379', { role: 'caller' })
 */
export async function connectRedis(url: string, { role, blocking = false, api }: { role: Role; blocking?: boolean; api: string }): Promise<Redis> {
  let ready = false
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: blocking ? null : 1,
    // Until the first connection works, never retry: the caller hears of a wrong URL at once.
    retryStrategy: (times) => {
      if (!ready) return null
      if (role === 'caller' && times > CALLER_RECONNECT_ATTEMPTS) return null
      return Math.min(times * 200, role === 'caller' ? 1000 : 2000)
    },
  })
  // Each failure is reported where it matters (connect(), a command, 'end'); the first connect's own
  // error says more than the "Connection is closed." that connect() rejects with.
  let underlying: Error | undefined
  client.on('error', (error: Error) => (underlying ??= error))
  try {
    await client.connect()
    await client.ping()
  } catch (error) {
    client.disconnect()
    throw connectError(underlying ?? (error as Error), url, api, role)
  }
  ready = true
  return client
}

function connectError(error: Error, url: string, api: string, role: Role): Error {
  const where = redactUrl(url)
  if (/WRONGPASS|NOAUTH|invalid password|invalid username-password/i.test(error.message)) {
    return new RedisAuthError(
      `${api} could not log in to Redis at ${where}: ${error.message.replace(/\.$/, '')}. Put the server's password in the URL (redis://:PASSWORD@host:port, or redis://USER:PASSWORD@host:port).`,
      { cause: error },
    )
  }
  const orPrivate = role === 'caller' ? ', or omit the URL to start a private server on this machine' : ''
  return new RedisUnreachableError(
    `${api} could not reach Redis at ${where}: ${error.message.replace(/\.$/, '')}. Check that redis-server runs there and listens on that address and port (its bind setting)${orPrivate}.`,
    { cause: error },
  )
}
