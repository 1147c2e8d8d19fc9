import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { REDIS_ENV, RedisServerMissingError, redisServerMissing, startPrivateRedis } from '../src/index.ts'

const saved = { PATH: process.env.PATH, [REDIS_ENV]: process.env[REDIS_ENV] }
const emptyDirs: string[] = []
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
  emptyDirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }))
})

/** Makes this process's PATH a folder with no redis-server in it. */
function pathWithoutRedis(): void {
  const dir = mkdtempSync(join(tmpdir(), 'proclab-no-redis-'))
  emptyDirs.push(dir)
  process.env.PATH = dir
}

describe('redisServerMissing', () => {
  test('is undefined where redis-server is installed', () => {
    delete process.env[REDIS_ENV]
    expect(redisServerMissing()).toBeUndefined()
  })

  test('without redis-server on PATH, is the error startPrivateRedis throws, saying how to install it or connect to one', async () => {
    delete process.env[REDIS_ENV]
    pathWithoutRedis()
    const missing = redisServerMissing()
    expect(missing).toBeInstanceOf(RedisServerMissingError)
    expect(missing!.message).toMatch(/sudo apt-get install redis-server.*brew install redis.*PROCLAB_REDIS/)
    const thrown = await startPrivateRedis().catch((error: unknown) => error)
    expect(thrown).toBeInstanceOf(RedisServerMissingError)
    expect((thrown as Error).message).toBe(missing!.message)
  })

  test('is undefined when PROCLAB_REDIS names a server, even without redis-server on this machine', () => {
    pathWithoutRedis()
    process.env[REDIS_ENV] = 'redis://10.0.0.5:6379'
    expect(redisServerMissing()).toBeUndefined()
  })
})
