import { describe, expect, test } from 'vitest'
import * as mp from '@proclab/core'
import { killLeftoversAfterEach, start } from '../helpers.ts'
import { idleForever, ignoreTerm, pid, sleepLong } from '../fixtures/stoppable-targets.ts'

killLeftoversAfterEach()

describe('a stopped child (SIGSTOP)', () => {
  test('terminate() ends it: exit code -15', async () => {
    const p = start(idleForever)
    await mp.sleep(200)
    process.kill(p.pid!, 'SIGSTOP')
    p.terminate()
    await p.join(10_000)
    expect(p.exitCode).toBe(-15)
  })

  test.each([
    ['a stopped worker', undefined],
    ['a stopped worker that ignores SIGTERM', ignoreTerm],
  ])('pool.terminate() ends %s', async (_, initializer) => {
    const pool = new mp.Pool(1, { initializer })
    const worker = await pool.apply(pid, [])
    const running = pool.applyAsync(sleepLong, [])
    await mp.sleep(100)
    process.kill(worker, 'SIGSTOP')
    const ended = pool.terminate().then(() => 'ended')
    expect(await Promise.race([ended, mp.sleep(10_000).then(() => 'hung')])).toBe('ended')
    await expect(running.get()).rejects.toThrow(mp.StateError)
    expect(() => process.kill(worker, 0)).toThrow()
  })
})
