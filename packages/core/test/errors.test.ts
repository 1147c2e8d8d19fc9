import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'
import { runProgram } from '@proclab/harness'

const program = fileURLToPath(new URL('./fixtures/learner/bad-argument.ts', import.meta.url))

test("an error about the learner's call has the learner's line as its first frame, not proclab's internals", async () => {
  const run = await runProgram(program)
  expect(run.exitCode).toBe(0)
  expect(run.lines).toEqual([
    expect.stringMatching(/^start at .*fixtures\/learner\/bad-argument\.ts:9:\d+\)?$/),
    expect.stringMatching(/^getNowait at .*fixtures\/learner\/bad-argument\.ts:14:\d+\)?$/),
  ])
})
