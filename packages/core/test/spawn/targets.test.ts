import { expect, test } from 'vitest'
import * as mp from '@proclab/core'
import { killLeftoversAfterEach } from '../helpers.ts'
import { NotAProcess } from '../fixtures/targets.ts'
import { square } from '../fixtures/pool-targets.ts'

killLeftoversAfterEach()

test('a class that is not a Process subclass is refused as a target at start(), saying what to do', () => {
  const p = new mp.Process({ target: NotAProcess as never })
  expect(() => p.start()).toThrow(/Process\.start\(\) cannot use the class 'NotAProcess' as the target: a class is not a function the child can call.*extend mp\.Process, override run\(\)/s)
  expect(p.pid).toBe(undefined)
})

test('a class is refused as a pool task function', async () => {
  await using pool = new mp.Pool(1)
  await expect(pool.apply(NotAProcess as never, [])).rejects.toThrow(/Pool\.apply\(\) cannot use the class 'NotAProcess' as the function/)
  expect(await pool.apply(square, [3])).toBe(9)
})
