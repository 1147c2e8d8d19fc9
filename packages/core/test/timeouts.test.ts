import { describe, expect, test } from 'vitest'
import * as mp from '@proclab/core'
import { ProcessPoolExecutor, TimeoutError } from '@proclab/core/futures'
import { killLeftoversAfterEach, start } from './helpers.ts'
import { forever } from './fixtures/targets.ts'
import { slowSquare } from './fixtures/pool-targets.ts'

killLeftoversAfterEach()

describe('a negative timeout means "do not wait", as in Python', () => {
  test('join(-1) returns at once while the child runs', async () => {
    const p = start(forever)
    await p.join(-1)
    expect(p.exitCode).toBe(null)
    expect(p.isAlive()).toBe(true)
    p.kill()
    await p.join()
  })

  test.each([
    ['Connection.poll(-1)', async () => expect(await mp.Pipe()[0].poll(-1)).toBe(false)],
    ['Queue.get({ timeout: -1 })', () => expect(new mp.Queue().get({ timeout: -1 })).rejects.toThrow(mp.Empty)],
    ['Event.wait(-1)', async () => expect(await new mp.Event().wait(-1)).toBe(false)],
    ['Lock.acquire({ timeout: -1 }) held', async () => {
      const lock = new mp.Lock()
      await lock.acquire()
      expect(await lock.acquire({ timeout: -1 })).toBe(false)
    }],
    ['Condition.wait(-1)', async () => {
      const cond = new mp.Condition()
      expect(await cond.runExclusive(() => cond.wait(-1))).toBe(false)
    }],
  ])('%s', async (_, check) => {
    await check()
  })

  test('AsyncResult.get(-1) and Future.result(-1) time out at once on a running task', async () => {
    await using pool = new mp.Pool(1)
    const result = pool.applyAsync(slowSquare, [2, 500])
    await expect(result.get(-1)).rejects.toThrow(mp.TimeoutError)
    expect(await result.get()).toBe(4)
    await using ex = new ProcessPoolExecutor({ maxWorkers: 1 })
    const future = ex.submit(slowSquare, 3, 500)
    await expect(future.result(-1)).rejects.toThrow(TimeoutError)
    expect(await future.result()).toBe(9)
  })

  test.each([NaN, '5' as unknown as number])('a timeout of %o is a RangeError naming the call', async (timeout) => {
    await expect(new mp.Event().wait(timeout)).rejects.toThrow(/Event\.wait\(\) expects `timeout` to be a number of milliseconds/)
    expect(() => mp.sleep(timeout)).toThrow(RangeError)
  })
})
