import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { runProgram } from '@proclab/harness'

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))

describe('an orderly exit of the parent joins its non-daemon children first', () => {
  test.each([
    ['exit', 3],
    ['throw', 1],
    ['reject', 1],
  ])('after %s, the child still finishes its work, and the exit code is %d', async (how, exitCode) => {
    const run = await runProgram(fixture('exit-with-children.ts'), { args: [how] })
    expect(run.lines).toEqual(['main ends', 'child finished'])
    expect(run.exitCode).toBe(exitCode)
  })

  test("a child waiting on the parent's queue learns that it is gone, and the program ends", async () => {
    const run = await runProgram(fixture('exit-while-child-waits.ts'), { timeout: 15_000 })
    expect(run.lines).toEqual(['child: StateError'])
    expect(run.exitCode).toBe(0)
  })
})

describe('a stopped daemon child', () => {
  test.each(['default', 'ignore-term'])('does not keep the program from exiting (SIGTERM: %s)', async (how) => {
    const run = await runProgram(fixture('stopped-daemon.ts'), { args: [how], timeout: 15_000 })
    expect(run.lines).toEqual([expect.stringMatching(/^daemon \d+ stopped$/)])
    expect(run.exitCode).toBe(0)
  })
})
