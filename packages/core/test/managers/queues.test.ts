import { describe, expect, test } from 'vitest'
import * as mp from '@proclab/core'
import { killLeftoversAfterEach } from '../helpers.ts'

killLeftoversAfterEach()

describe("a manager's queues expose their public API only", () => {
  test.each(['access', 'call', 'wait'])("a proxy call of the internal method '%s' is refused", async (method) => {
    await using manager = await mp.Manager()
    const q = (await manager.JoinableQueue<number>()) as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>
    await expect(q[method]!('put')).rejects.toThrow(`has no method '${method}' that proxies may call`)
  })

  test('every public method still works', async () => {
    await using manager = await mp.Manager()
    const q = await manager.JoinableQueue<number>(2)
    await q.put(1)
    await q.putNowait(2)
    expect([await q.qsize(), await q.full(), await q.empty()]).toEqual([2, true, false])
    expect([await q.get(), await q.getNowait()]).toEqual([1, 2])
    await q.taskDone()
    await q.taskDone()
    await q.join()
  })
})
