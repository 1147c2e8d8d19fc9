import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { LessonFailure, runProgram, stillRunning } from '../src/index.ts'

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))

describe('runProgram', () => {
  test('returns output, lines and exit code', async () => {
    const run = await runProgram(fixture('prints.mjs'), { args: ['3'] })
    expect(run).toMatchObject({ exitCode: 3, lines: ['child line', 'parent done'], stderr: 'a warning\n' })
  })

  test('fails, naming the process, when the program leaves one running, and kills it', async () => {
    const failure = await runProgram(fixture('leaves-a-process.mjs'), { leakHint: 'Did you join every child?' }).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(LessonFailure)
    const message = (failure as LessonFailure).message
    expect(message).toMatch(/^Did you join every child\?\n\nStill running after the program exited:\n  pid (\d+) sleep 30\n/)
    const pid = Number(message.match(/pid (\d+)/)![1])
    expect(stillRunning([pid])).toEqual([])
  })

  test('a process that left the group holding the output open does not hang the run: it times out with what was printed', async () => {
    const failure = await runProgram(fixture('escapes-with-stdout.mjs'), { timeout: 1500 }).catch((e: unknown) => e)
    const message = (failure as LessonFailure).message
    const pid = Number(/escaped (\d+)/.exec(message)?.[1])
    try {
      expect(failure).toBeInstanceOf(LessonFailure)
      expect(message).toMatch(/did not finish within 1500 ms/)
      expect(message).toContain('proclab stopped reading the output')
    } finally {
      if (pid) process.kill(pid, 'SIGKILL')
    }
  })

  test('stops a program past its time limit and says what each process was waiting on', async () => {
    const failure = await runProgram(fixture('waits-forever.mjs'), { timeout: 1500, timeoutHint: 'Did you terminate() the reader?' }).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(LessonFailure)
    const message = (failure as LessonFailure).message
    expect(message).toMatch(/^Did you terminate\(\) the reader\?\n\nThe program did not finish within 1500 ms, so it was stopped\./)
    expect(message).toMatch(/pid \d+ MainProcess: waiting on join Process-1/)
    expect(message).toContain('── stdout ──\nwaiting')
    // The timeline comes last, and ends with what was still awaited.
    expect(message).toMatch(/\n── timeline ──\n[^]*\nStill waiting when the trace ended:\n  \d+ MainProcess: join Process-1$/)
  })
})
