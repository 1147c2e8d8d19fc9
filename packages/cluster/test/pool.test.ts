import * as mp from '@proclab/core'
import { Redis } from 'ioredis'
import { describe, expect, test } from 'vitest'
import { ClusterPool } from '../src/index.ts'
import { add, fail, notExported, pidAfter, returnsFunction, slowSquare, square, throwsStateError } from './fixtures/tasks.ts'
import { leftovers, redisServer, workerProgram } from './helpers.ts'

describe('a ClusterPool on a private cluster (no Redis URL)', () => {
  test('apply, map, starmap, imap, imapUnordered and applyAsync give what a Pool gives', async () => {
    await using pool = new ClusterPool({ processes: 2 })
    expect(await pool.apply(square, [7])).toBe(49)
    expect(await pool.map(square, [1, 2, 3, 4, 5])).toEqual([1, 4, 9, 16, 25])
    expect(await pool.map(square, [1, 2, 3, 4, 5], 2)).toEqual([1, 4, 9, 16, 25])
    expect(await pool.starmap(add, [[1, 2], [3, 4]])).toEqual([3, 7])
    const ordered: number[] = []
    for await (const value of pool.imap(square, [3, 1, 2])) ordered.push(value)
    expect(ordered).toEqual([9, 1, 4])
    const unordered: number[] = []
    for await (const value of pool.imapUnordered(square, [3, 1, 2])) unordered.push(value)
    expect(unordered.sort()).toEqual([1, 4, 9])
    const seen: number[] = []
    const result = pool.applyAsync(square, [6], { callback: (value) => seen.push(value) })
    expect(await result.get(30_000)).toBe(36)
    expect(result.ready() && result.successful()).toBe(true)
    expect(seen).toEqual([36])
    expect(await pool.mapAsync(square, [2, 3])).toEqual([4, 9])
    expect(await pool.starmapAsync(add, [[5, 6]]).get(30_000)).toEqual([11])
  })

  test('imap reads its input as it goes: a generator that throws part-way yields the results before it, then its error', async () => {
    await using pool = new ClusterPool({ processes: 1 })
    let read = 0
    function* input() {
      for (let n = 1; n <= 3; n++) {
        read++
        yield n
      }
      throw new RangeError('the input broke')
    }
    const got: number[] = []
    const error = await (async () => {
      for await (const value of pool.imap(square, input())) got.push(value)
    })().catch((e: unknown) => e)
    expect(got).toEqual([1, 4, 9])
    expect(error).toBeInstanceOf(RangeError)
    // An endless input is not read whole before the first result: leaving the loop stops the reading.
    let endless = 0
    function* forever() {
      for (;;) yield ++endless
    }
    for await (const value of pool.imapUnordered(square, forever())) if (value > 0) break
    expect(endless).toBeLessThan(1000)
    expect(read).toBe(3)
  })

  test("a task's error keeps its class, name and message, with the worker's stack as cause", async () => {
    await using pool = new ClusterPool({ processes: 1 })
    const error = await pool.apply(fail, ['no such thing']).catch((e: unknown) => e as Error)
    expect(error).toBeInstanceOf(RangeError)
    expect(error.message).toBe('no such thing')
    expect((error.cause as Error).message).toMatch(/^RangeError in a task on .+ \(worker pid \d+\)$/)
    expect((error.cause as Error).stack).toMatch(/fixtures[\\/]tasks\.ts/)
    const state = await pool.apply(throwsStateError).catch((e: unknown) => e)
    expect(state).toBeInstanceOf(mp.StateError)
  })

  test('arguments and results that cannot cross fail naming their path', async () => {
    await using pool = new ClusterPool({ processes: 1 })
    expect(() => pool.applyAsync(add, [1, { onDone: () => {} }] as never)).toThrow(/cannot send the arguments: args\[1\]\.onDone is a function/)
    await expect(pool.map(square, [1, 2, { deep: [Symbol('x')] }] as never, 1)).rejects.toThrow(/items\[2\]\.deep\[0\] is a symbol/)
    await expect(pool.apply(returnsFunction)).rejects.toThrow(/could not be cloned|cannot/)
  })

  test('a target that is not exported is refused with a message that says to export it', async () => {
    await using pool = new ClusterPool({ processes: 1 })
    await expect(pool.apply(notExported())).rejects.toThrow(/is not exported from .*tasks\.ts.*write `export function/)
    await expect(pool.apply(() => 1)).rejects.toThrow(/cannot use an anonymous function as the task/)
  })

  test('close, join and terminate follow Pool: join before close and use after close throw StateError', async () => {
    const pool = new ClusterPool({ processes: 1 })
    const pending = pool.map(square, [], 1)
    await expect(pool.join()).rejects.toThrow(/Call close\(\) \(or terminate\(\)\) first/)
    const running = pool.starmap(slowSquare, [[2, 50], [3, 50]])
    pool.close()
    expect(() => pool.applyAsync(square, [1])).toThrow(mp.StateError)
    await pool.join()
    expect(await running).toEqual([4, 9])
    expect(await pending).toEqual([])
    const stopped = new ClusterPool({ processes: 1 })
    const cut = stopped.apply(slowSquare, [2, 60_000]).catch((error: unknown) => error)
    await new Promise((resolve) => setTimeout(resolve, 500))
    await stopped.terminate()
    expect(await cut).toMatchObject({ name: 'StateError', message: expect.stringMatching(/terminate\(\) stopped the pool before this task finished/) })
  })
})

describe('a ClusterPool on a Redis URL with separate worker programs', () => {
  test('tasks spread over two workers; nothing is left in Redis once the callers and workers are gone', async () => {
    const redis = await redisServer()
    const workers = [await workerProgram(redis.url, { processes: 1 }), await workerProgram(redis.url, { processes: 1 })]
    const pool = new ClusterPool({ redis: redis.url })
    const pids = await pool.map(pidAfter, Array.from({ length: 8 }, () => 200), 1)
    expect(new Set(pids).size).toBe(2)
    pool.close()
    await pool.join()
    for (const worker of workers) worker.child.kill('SIGTERM')
    await Promise.all(workers.map((w) => w.child))
    expect(await leftovers(redis.url)).toEqual({ jobs: {}, keys: [] })
  })

  test('one apply at a time is settled by the blocking pop of its reply, with no second read of the reply list', async () => {
    const redis = await redisServer()
    const worker = await workerProgram(redis.url, { processes: 1 })
    const pool = new ClusterPool({ redis: redis.url, processes: 1 })
    for (let i = 0; i < 5; i++) expect(await pool.apply(square, [i])).toBe(i * i)
    pool.close()
    await pool.join()
    const stats = new Redis(redis.url)
    const info = await stats.info('commandstats')
    stats.disconnect()
    expect(Number(/cmdstat_blpop:calls=(\d+)/.exec(info)?.[1] ?? 0)).toBeGreaterThanOrEqual(5)
    expect(/cmdstat_lpop:calls=(\d+)/.exec(info)?.[1]).toBeUndefined()
    worker.child.kill('SIGTERM')
    await worker.child
  })
})
