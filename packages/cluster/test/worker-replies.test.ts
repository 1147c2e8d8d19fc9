import { Redis } from 'ioredis'
import { describe, expect, test } from 'vitest'
import { clusterKeys, REPLY_TTL_MS, type Reply } from '../src/wire.ts'
import { CallerWatch } from '../src/worker/caller-watch.ts'
import { pushReply } from '../src/worker/run-job.ts'
import { redisServer } from './helpers.ts'

/** How many times the server has run `command` (INFO commandstats). */
async function calls(redis: Redis, command: string): Promise<number> {
  const info = await redis.info('commandstats')
  return Number(new RegExp(`cmdstat_${command}:calls=(\\d+)`).exec(info)?.[1] ?? 0)
}

const keys = clusterKeys('replies-test')
const reply: Reply = { kind: 'values', seq: 0, values: '', host: 'here', pid: 1 }

describe('a worker and its callers’ keys', () => {
  test('a caller known to be alive is asked about once per heartbeat lifetime, not once per job', async () => {
    const server = await redisServer()
    const redis = new Redis(server.url)
    try {
      await redis.set(keys.caller('a'), '1', 'PX', 5000)
      const watch = new CallerWatch(redis, keys)
      const answers = await Promise.all(Array.from({ length: 50 }, () => watch.alive('a')))
      const sequential: boolean[] = []
      for (let i = 0; i < 50; i++) sequential.push(await watch.alive('a'))
      expect([...answers, ...sequential].every(Boolean)).toBe(true)
      // The 50 at once all asked before any answer came; the 50 after it asked nothing.
      expect(await calls(redis, 'pttl')).toBe(50)
    } finally {
      redis.disconnect()
    }
  })

  test('a caller whose heartbeat expired is gone from then on, though it was alive before', async () => {
    const server = await redisServer()
    const redis = new Redis(server.url)
    try {
      await redis.set(keys.caller('b'), '1', 'PX', 200)
      const watch = new CallerWatch(redis, keys)
      expect(await watch.alive('b')).toBe(true)
      await new Promise((resolve) => setTimeout(resolve, 250))
      expect(await watch.alive('b')).toBe(false)
      expect(await watch.alive('never-there')).toBe(false)
    } finally {
      redis.disconnect()
    }
  })

  test('a reply reaches a caller that is there, with an expiry, in one command; none is left for a gone caller', async () => {
    const server = await redisServer()
    const redis = new Redis(server.url)
    try {
      await redis.set(keys.caller('c'), '1', 'PX', 5000)
      await pushReply({ redis, keys }, 'c', reply)
      expect((await redis.lrange(keys.replies('c'), 0, -1)).map((line) => JSON.parse(line))).toEqual([reply])
      expect(await redis.pttl(keys.replies('c'))).toBeGreaterThan(REPLY_TTL_MS - 5000)
      await pushReply({ redis, keys }, 'gone', reply)
      expect(await redis.exists(keys.replies('gone'))).toBe(0)
      // One script per reply: the check and the push are one round trip.
      expect((await calls(redis, 'eval')) + (await calls(redis, 'evalsha'))).toBe(2)
    } finally {
      redis.disconnect()
    }
  })
})
