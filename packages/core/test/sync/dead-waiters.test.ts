import { describe, expect, test } from 'vitest'
import * as mp from '@proclab/core'
import { killLeftoversAfterEach, start } from '../helpers.ts'
import { waitOnCondition } from '../fixtures/dead-waiter-targets.ts'

killLeftoversAfterEach()

/** Starts a process that waits `count` times on `cond`, and resolves once all its waits are in place. */
async function waiter(cond: mp.Condition, count: number, woke = mp.Value('i', 0)): Promise<mp.Process> {
  const waiting = new mp.Event()
  const p = start(waitOnCondition, cond, count, waiting, woke)
  await waiting.wait()
  return p
}

describe('a Condition waiter that died', () => {
  test('notify() skips it and wakes the live waiter behind it', async () => {
    const cond = new mp.Condition()
    const dead = await waiter(cond, 1)
    dead.kill()
    await dead.join()
    const woke = mp.Value('i', 0)
    const live = await waiter(cond, 1, woke)
    await cond.runExclusive(() => cond.notify())
    await live.join(10_000)
    expect(live.exitCode).toBe(0)
    expect(woke.value).toBe(1)
  })

  test('its slots are reclaimed: 128 dead waiters do not stop later waits', async () => {
    const cond = new mp.Condition()
    const dead = await waiter(cond, 128)
    dead.kill()
    await dead.join()
    for (let i = 0; i < 200; i++) {
      expect(await cond.runExclusive(() => cond.wait(0))).toBe(false)
    }
    const woke = mp.Value('i', 0)
    const live = await waiter(cond, 3, woke)
    await cond.runExclusive(() => cond.notifyAll())
    await live.join(10_000)
    expect(woke.value).toBe(3)
  })

  test('128 live waiters are the limit, and say so', async () => {
    const cond = new mp.Condition()
    await waiter(cond, 128)
    await expect(cond.runExclusive(() => cond.wait(0))).rejects.toThrow('more than 128 processes are waiting on this condition')
    await cond.runExclusive(() => cond.notifyAll())
  })
})
