import * as mp from '@proclab/core'
import { ALL_COMPLETED, asCompleted, FIRST_COMPLETED, Future, wait } from '@proclab/core/futures'
import { describe, expect, test } from 'vitest'
import { ClusterExecutor } from '../src/index.ts'
import { fail, slowSquare, square } from './fixtures/tasks.ts'
import { leftovers, redisServer, workerProgram } from './helpers.ts'

describe('ClusterExecutor', () => {
  test("submit returns core's Future, and asCompleted and wait from @proclab/core/futures work with it", async () => {
    const redis = await redisServer()
    const worker = await workerProgram(redis.url, { processes: 2 })
    const executor = new ClusterExecutor({ redis: redis.url })
    const slow = executor.submit(slowSquare, 3, 1500)
    const fast = executor.submit(slowSquare, 2, 10)
    expect(slow).toBeInstanceOf(Future)
    const { done, notDone } = await wait([slow, fast], { returnWhen: FIRST_COMPLETED })
    expect([...done]).toEqual([fast])
    expect([...notDone]).toEqual([slow])
    const order: Future<number>[] = []
    const iterator = asCompleted([slow, fast])
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) order.push(next.value)
    expect(order).toEqual([fast, slow])
    expect(await slow.result()).toBe(9)
    expect(await fast).toBe(4)
    const failed = executor.submit(fail, 'nope')
    expect(await failed.exception()).toMatchObject({ name: 'RangeError', message: 'nope' })
    const all = await wait([failed, slow], { returnWhen: ALL_COMPLETED })
    expect(all.notDone.size).toBe(0)
    const mapped: number[] = []
    for await (const value of executor.map(square, [1, 2, 3])) mapped.push(value)
    expect(mapped).toEqual([1, 4, 9])
    const submittedAtOnce = executor.map(square, [4, 5]) // as in Python: every call is submitted by map() itself
    await executor.shutdown({ wait: false })
    const afterShutdown: number[] = []
    for await (const value of submittedAtOnce) afterShutdown.push(value)
    expect(afterShutdown).toEqual([16, 25])
    await executor.shutdown()
    expect(() => executor.submit(square, 1)).toThrow(mp.StateError)
    worker.child.kill('SIGTERM')
    await worker.child
    expect(await leftovers(redis.url)).toEqual({ jobs: {}, keys: [] })
  })

  test('a future not sent to the cluster yet can be cancelled; shutdown({ cancelFutures }) cancels those', async () => {
    const redis = await redisServer()
    const executor = new ClusterExecutor({ redis: redis.url })
    const cancelled = executor.submit(square, 2)
    expect(cancelled.cancel()).toBe(true)
    expect(cancelled.cancelled() && cancelled.done()).toBe(true)
    await expect(cancelled.result()).rejects.toThrow(/cancelled/)
    const sent = executor.submit(square, 3)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(sent.running()).toBe(true)
    expect(sent.cancel()).toBe(false)
    const worker = await workerProgram(redis.url)
    expect(await sent.result()).toBe(9)
    await executor.shutdown({ wait: true, cancelFutures: true })
    worker.child.kill('SIGTERM')
    await worker.child
    expect(await leftovers(redis.url)).toEqual({ jobs: {}, keys: [] })
  })

  test('await using shuts the executor down at scope exit (a private cluster here)', async () => {
    let future: Future<number>
    {
      await using executor = new ClusterExecutor({ maxWorkers: 1 })
      future = executor.submit(square, 12)
    }
    expect(future.done()).toBe(true)
    expect(await future.result()).toBe(144)
  })
})
