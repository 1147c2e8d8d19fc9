import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'
import { runProgram } from '@proclab/harness'

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url))

test('a child whose module never finishes importing (a top-level await that never settles) says so and exits with 13', async () => {
  const run = await runProgram(fixture('stuck-import.ts'))
  expect(run.lines).toEqual(['exitCode 13', expect.stringMatching(/^pool PoolWorker-\d+ \(pid \d+\) exited with code 13 while running a task/)])
  expect(run.stderr).toMatch(/Process Process-1: importing .*stuck-import\.ts never finished: a top-level await in it, or in a module it imports, waits on a promise that never settles, so the target never ran\./)
  expect(run.stderr).toMatch(/Process PoolWorker-\d+: importing .*stuck-import\.ts never finished/)
})
