import { describe, expect, test, vi } from 'vitest'
import * as mp from '@proclab/core'
import { ALL_COMPLETED, asCompleted, BrokenProcessPool, CancelledError, FIRST_COMPLETED, FIRST_EXCEPTION, ProcessPoolExecutor, wait } from '@proclab/core/futures'
import { killLeftoversAfterEach } from './helpers.ts'
import { dieHard, failWith, slowSquare, square, whoAmI } from './fixtures/pool-targets.ts'

killLeftoversAfterEach()

describe('ProcessPoolExecutor', () => {
  test('submit returns an awaitable Future with result(), done(), exception()', async () => {
    await using executor = new ProcessPoolExecutor({ maxWorkers: 2 })
    const future = executor.submit(square, 6)
    expect(await future).toBe(36)
    expect(await future.result()).toBe(36)
    expect(future.done()).toBe(true)
    expect(await future.exception()).toBeNull()
    const failing = executor.submit(failWith, 'broken')
    const error = await failing.exception()
    expect(error).toBeInstanceOf(RangeError)
    expect(error?.message).toBe('broken')
    await expect(failing.result()).rejects.toThrow('broken')
  })

  test('map yields results in input order; workers are reused', async () => {
    await using executor = new ProcessPoolExecutor({ maxWorkers: 2 })
    const results: number[] = []
    for await (const value of executor.map(square, [3, 1, 2])) results.push(value)
    expect(results).toEqual([9, 1, 4])
    const pids = new Set((await Promise.all(Array.from({ length: 6 }, () => executor.submit(whoAmI)))).map((w) => w.pid))
    expect(pids.size).toBeLessThanOrEqual(2)
  })

  test('a queued future can be cancelled; a running one cannot', async () => {
    await using executor = new ProcessPoolExecutor({ maxWorkers: 1 })
    const futures = [0, 1, 2, 3].map((n) => executor.submit(slowSquare, n, 300))
    await mp.sleep(100)
    expect(futures[0]!.running()).toBe(true)
    expect(futures[0]!.cancel()).toBe(false)
    expect(futures[3]!.cancel()).toBe(true)
    expect(futures[3]!.cancelled()).toBe(true)
    await expect(futures[3]!.result()).rejects.toThrow(CancelledError)
    expect(await futures[0]!.result()).toBe(0)
  })

  test('result(timeout) throws TimeoutError; done-callbacks run, and one that throws is reported', async () => {
    const printed = vi.spyOn(console, 'error').mockImplementation(() => {})
    await using executor = new ProcessPoolExecutor({ maxWorkers: 1 })
    const future = executor.submit(slowSquare, 2, 300)
    await expect(future.result(20)).rejects.toThrow(mp.TimeoutError)
    const seen: string[] = []
    future.addDoneCallback(() => {
      throw new Error('callback bug')
    })
    future.addDoneCallback((f) => seen.push(String(f.done())))
    await future
    expect(seen).toEqual(['true'])
    expect(printed.mock.calls[0]?.[0]).toMatch(/done-callback \(the others still run\):\nError: callback bug/)
    printed.mockRestore()
  })

  test('asCompleted yields the futures as they finish; wait() returns done and not done', async () => {
    await using executor = new ProcessPoolExecutor({ maxWorkers: 2 })
    const slow = executor.submit(slowSquare, 3, 2000) // far longer than the fast one, on the other worker
    const fast = executor.submit(slowSquare, 2, 10)
    const first = await wait([slow, fast], { returnWhen: FIRST_COMPLETED })
    expect(first.done.has(fast)).toBe(true)
    const order: unknown[] = []
    for await (const future of asCompleted([slow, fast])) order.push(future)
    expect(order[0]).toBe(fast)
    expect(order[1]).toBe(slow)
    const failing = executor.submit(failWith, 'x')
    const untilFailure = await wait([failing, executor.submit(slowSquare, 1, 5000)], { returnWhen: FIRST_EXCEPTION })
    expect(untilFailure.done.has(failing)).toBe(true)
    const timedOut = await wait([executor.submit(slowSquare, 1, 5000)], { timeout: 50, returnWhen: ALL_COMPLETED })
    expect(timedOut.notDone.size).toBe(1)
  })

  test('a worker killed mid-task breaks the pool: pending futures fail with BrokenProcessPool, and so does submit()', async () => {
    const executor = new ProcessPoolExecutor({ maxWorkers: 1 })
    const dying = executor.submit(dieHard)
    const queued = executor.submit(square, 2)
    await expect(dying.result()).rejects.toThrow(/^A process in the ProcessPoolExecutor ended abruptly \(PoolWorker-\d+ \(pid \d+\) was killed by SIGKILL\) while running this task\./)
    // Queued behind it, it never started: the executor is broken (as in Python), and the error says so.
    const error = await queued.exception()
    expect(error).toBeInstanceOf(BrokenProcessPool)
    expect(error!.message).toMatch(/^This task never started: a process in the ProcessPoolExecutor ended abruptly \(PoolWorker-\d+ \(pid \d+\) was killed by SIGKILL\) while running another task\./)
    expect(() => executor.submit(square, 1)).toThrow(BrokenProcessPool)
    await executor.shutdown()
  })

  test('map submits every call at once, as Python: a shutdown({ wait: false }) before the first iteration still runs them all', async () => {
    const executor = new ProcessPoolExecutor({ maxWorkers: 2 })
    const results = executor.map(square, [1, 2, 3, 4])
    await executor.shutdown({ wait: false })
    const values: number[] = []
    for await (const value of results) values.push(value)
    expect(values).toEqual([1, 4, 9, 16])
    expect(() => executor.map(square, [1])).toThrow('ProcessPoolExecutor.submit() cannot be used after shutdown()')
    await executor.shutdown()
  })

  test('shutdown({ cancelFutures }) cancels what has not started; submit after shutdown throws StateError', async () => {
    const executor = new ProcessPoolExecutor({ maxWorkers: 1 })
    const running = executor.submit(slowSquare, 4, 300)
    const waiting = executor.submit(slowSquare, 5, 300)
    const later = executor.submit(slowSquare, 6, 300)
    await mp.sleep(100)
    await executor.shutdown({ wait: true, cancelFutures: true })
    expect(await running.result()).toBe(16)
    expect(later.cancelled()).toBe(true)
    expect(waiting.done()).toBe(true)
    expect(() => executor.submit(square, 1)).toThrow('ProcessPoolExecutor.submit() cannot be used after shutdown()')
  })
})
