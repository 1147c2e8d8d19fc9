import { expect, test } from 'vitest'
import * as mp from '@proclab/core'
import { killLeftoversAfterEach } from '../helpers.ts'

killLeftoversAfterEach()

test.each([
  ['manager.Array(i, 1e9)', (m: mp.SyncManager) => m.Array('i', 1e9)],
  ['manager.Array(d, 2 ** 32)', (m: mp.SyncManager) => m.Array('d', 2 ** 32)],
])('%s rejects with a RangeError naming the limit, and the server goes on serving', async (_, make) => {
  await using manager = await mp.Manager()
  const before = await manager.list([1])
  await expect(make(manager)).rejects.toThrow(/manager\.Array\(\) cannot make an array of \d+ elements: a manager's array holds at most 8388608/)
  await expect(make(manager)).rejects.toThrow(RangeError)
  expect(await before.toArray()).toEqual([1])
  const small = await manager.Array('i', 3)
  expect(await small.toArray()).toEqual([0, 0, 0])
})
