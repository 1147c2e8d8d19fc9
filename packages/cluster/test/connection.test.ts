import { describe, expect, test } from 'vitest'
import { ClusterPool, RedisAuthError, RedisServerMissingError, RedisUnreachableError } from '../src/index.ts'
import { slowSquare, square } from './fixtures/tasks.ts'
import { leftovers, redisServer, workerProgram } from './helpers.ts'

describe('connecting to Redis', () => {
  test.each([
    ['a wrong password', 'wrong', /could not log in to Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+\/?: WRONGPASS .*Put the server's password in the URL/],
    ['no password', '', /could not log in to Redis at redis:\/\/127\.0\.0\.1:\d+\/?: NOAUTH .*Put the server's password in the URL/],
  ])('%s fails the first call at once with RedisAuthError', async (_, password, message) => {
    const redis = await redisServer({ password: 'right' })
    const url = redis.url.replace(':right@', password ? `:${password}@` : '')
    const pool = new ClusterPool({ redis: url })
    const error = (await pool.apply(square, [2]).catch((e: unknown) => e)) as Error
    expect(error).toBeInstanceOf(RedisAuthError)
    expect(error.message).toMatch(/^new ClusterPool\(\) /)
    expect(error.message).toMatch(message)
    await pool.terminate()
  })

  test('an unreachable server fails the first call at once with RedisUnreachableError', async () => {
    const redis = await redisServer()
    await redis.stop()
    const pool = new ClusterPool({ redis: redis.url })
    const error = (await pool.apply(square, [2]).catch((e: unknown) => e)) as Error
    expect(error).toBeInstanceOf(RedisUnreachableError)
    expect(error.message).toMatch(/^new ClusterPool\(\) could not reach Redis at redis:\/\/127\.0\.0\.1:\d+\/?: connect ECONNREFUSED .* or omit the URL to start a private server on this machine\.$/)
    await pool.terminate()
  })

  test('a worker given a wrong password exits at once, saying why', async () => {
    const redis = await redisServer({ password: 'right' })
    const worker = workerProgram(redis.url.replace(':right@', ':wrong@'))
    await expect(worker).rejects.toThrow(/proclab worker could not log in to Redis .*WRONGPASS/)
  })

  test('with no URL and no redis-server installed, ClusterPool says how to install it or connect to one', async () => {
    const path = process.env.PATH
    process.env.PATH = '/nonexistent'
    try {
      const pool = new ClusterPool()
      const error = (await pool.apply(square, [2]).catch((e: unknown) => e)) as Error
      expect(error).toBeInstanceOf(RedisServerMissingError)
      expect(error.message).toMatch(/`redis-server` is not installed .*apt-get install redis-server.*brew install redis.*PROCLAB_REDIS/)
      await pool.terminate()
    } finally {
      process.env.PATH = path
    }
  })
})

describe('stopping a worker', () => {
  test('SIGTERM: the worker finishes the task it holds, then exits 0', async () => {
    const redis = await redisServer()
    const worker = await workerProgram(redis.url)
    const pool = new ClusterPool({ redis: redis.url })
    const result = pool.apply(slowSquare, [5, 1500])
    await worker.waitFor(/running slowSquare/)
    worker.child.kill('SIGTERM')
    expect(await result).toBe(25)
    expect((await worker.child).exitCode).toBe(0)
    pool.close()
    await pool.join()
    expect(await leftovers(redis.url)).toEqual({ jobs: {}, keys: [] })
  })

  test('a second SIGTERM hands the task back at once, and another worker runs it', async () => {
    const redis = await redisServer()
    const first = await workerProgram(redis.url)
    const pool = new ClusterPool({ redis: redis.url })
    const result = pool.apply(slowSquare, [6, 3000])
    await first.waitFor(/running slowSquare/)
    first.child.kill('SIGTERM')
    await first.waitFor(/finishing 1 job/)
    first.child.kill('SIGTERM')
    await first.waitFor(/handing back 1 job/)
    expect((await first.child).exitCode).toBe(0)
    const second = await workerProgram(redis.url)
    expect(await result).toBe(36)
    expect(second.lines.some((line) => /running slowSquare/.test(line))).toBe(true)
    pool.close()
    await pool.join()
    second.child.kill('SIGTERM')
    await second.child
    expect(await leftovers(redis.url)).toEqual({ jobs: {}, keys: [] })
  })
})
