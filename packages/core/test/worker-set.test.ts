import { expect, test } from 'vitest'
import * as mp from '@proclab/core'
import { ProcessPoolExecutor } from '@proclab/core/futures'
import { firstElement } from './fixtures/pool-targets.ts'

test.each([
  ['ProcessPoolExecutor.submit()', () => new ProcessPoolExecutor({ maxWorkers: 1 }), (ex: any, a: unknown) => ex.submit(firstElement, a)],
  ['Pool.apply()', () => new mp.Pool(1), (pool: any, a: unknown) => pool.apply(firstElement, [a])],
])('a shared Array sent to a task (%s) is refused by its path, saying how to pass it', async (api, make, send) => {
  await using runner = make()
  const array = mp.Array('i', [7])
  const attempt = async () => send(runner, array)
  await expect(attempt()).rejects.toThrow(
    new RegExp(`${api.replace(/[().]/g, '\\$&')} cannot send args\\[0\\]: it is a shared object of this process \\(an Array, Value, lock, queue or pipe end\\).*initargs.*manager\\.Array\\(\\)`, 's'),
  )
})
