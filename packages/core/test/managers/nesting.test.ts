import { expect, test } from 'vitest'
import * as mp from '@proclab/core'
import { killLeftoversAfterEach, start } from '../helpers.ts'
import { pushThroughNested } from '../fixtures/manager-targets.ts'

killLeftoversAfterEach()

test('a manager list inside a manager dict, and a manager Queue inside that list, come back as proxies to the same objects', async () => {
  await using manager = await mp.Manager()
  const q = await manager.Queue<number>()
  const inner = await manager.list<unknown>([q])
  const d = await manager.dict<string, mp.ListProxy<unknown>>({ first: inner })
  await d.set('second', inner)
  const child = start(pushThroughNested, d, 'first', 7)
  await child.join()
  expect(child.exitCode).toBe(0)
  await pushThroughNested(d, 'second', 8)
  expect((await inner.toArray()).slice(1)).toEqual([7, 8])
  expect([await q.get(), await q.get()]).toEqual([7, 8])
  const [again] = (await d.values()) as mp.ListProxy<unknown>[]
  expect(await again!.length()).toBe(3)
})
