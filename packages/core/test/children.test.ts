import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, onTestFinished, test } from 'vitest'
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

  test('so does a child whose connection the parent never accepted (its event loop was blocked until it exited)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'proclab-test-'))
    onTestFinished(() => rmSync(folder, { recursive: true, force: true }))
    const marker = join(folder, 'connected')
    const run = await runProgram(fixture('exit-before-accepting.ts'), { args: [marker], timeout: 15_000 })
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
