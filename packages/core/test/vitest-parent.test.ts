import { expect, test } from 'vitest'
import * as mp from '@proclab/core'
import { slowExit } from './fixtures/targets.ts'

test('a vitest test can start a TypeScript target', async () => {
  const p = new mp.Process({ target: slowExit, args: [10, 7] })
  p.start()
  await p.join()
  expect(p.exitCode).toBe(7)
})
