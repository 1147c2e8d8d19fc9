import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { expectProgram, LessonFailure, runProgram, type ProgramExpectations } from '../src/index.ts'

const program = fileURLToPath(new URL('./fixtures/what-happened.ts', import.meta.url))
const run = async (way: string) => expectProgram(await runProgram(program, { args: [way], timeout: 20_000 }))

/** The first paragraphs of the failure `check` throws (the hint, expected and found), or null if it passes. */
function failureOf(check: () => void): string | null {
  try {
    check()
    return null
  } catch (error) {
    if (!(error instanceof LessonFailure)) throw error
    return error.message.split('\n\nProgram: ')[0]!
  }
}

describe('who printed a line', () => {
  test('a line printed by the child passes `from: "child"`, and its author is the child', async () => {
    const checks = await run('child-prints')
    const [match] = checks.line(/^child pid=(\d+)$/, 'The child should print its pid.', { from: 'child' })
    const [author] = checks.printedBy(/^child pid=/)
    expect(author).toMatchObject({ pid: Number(match!.split('=')[1]), name: 'Process-1' })
    expect(failureOf(() => checks.line(/^child pid=/, 'hint', { from: 'main' }))).toMatch(/printed by the main process\nFound: +child pid=\d+, printed by Process-1 \(pid \d+\)$/)
  })

  test("the parent printing the child's line fails, saying who printed it", async () => {
    const checks = await run('parent-prints')
    expect(failureOf(() => checks.line(/^child pid=\d+$/, 'The child itself should print it.', { from: 'child' }))).toMatch(
      /^The child itself should print it\.\n\nExpected: a line matching \/\^child pid=\\d\+\$\/, printed by a child process\nFound: +child pid=\d+, printed by MainProcess \(pid \d+\)$/,
    )
    expect(checks.lines(/^child pid=/, { from: 'child' })).toEqual([])
    expect(failureOf(() => checks.count(/^child pid=/, 1, 'hint', { from: 'child' }))).toMatch(/printed by a child process\nFound: +0$/)
  })
})

describe('joins', () => {
  test('a parent that joins its child before its last line passes', async () => {
    const checks = await run('join')
    expect(failureOf(() => checks.joinedChildren('Join the child.', { before: /^parent done$/ }))).toBeNull()
  })

  test('a join of a child that has already exited counts too', async () => {
    const checks = await run('join-late')
    expect(failureOf(() => checks.joinedChildren('Join the child.', { before: /^parent done$/ }))).toBeNull()
  })

  test('a parent that sleeps instead fails, even though the child printed first', async () => {
    const checks = await run('sleep')
    checks.before(/^child pid=/, /^parent done$/, 'the output looks right')
    expect(failureOf(() => checks.joinedChildren('Join the child: a sleep is a guess.', { before: /^parent done$/ }))).toMatch(
      /^Join the child: a sleep is a guess\.\n\nExpected: MainProcess \(pid \d+\) joins Process-1 \(await join\(\)\) before \/\^parent done\$\/\nFound: +no join of Process-1$/,
    )
  })


  test('a parent that never joins fails, though proclab joins the child at exit', async () => {
    const checks = await run('no-join')
    expect(failureOf(() => checks.joinedChildren('Join the child.'))).toMatch(
      /Expected: MainProcess \(pid \d+\) joins Process-1 \(await join\(\)\)\nFound: +no join of Process-1 by the program: proclab joined it itself when the main code was done$/,
    )
  })

  test('with `children`, only the named children must be joined: a daemon left to end at exit is not', async () => {
    const checks = await run('daemon-left')
    expect(failureOf(() => checks.joinedChildren('Join the worker.', { before: /^parent done$/, children: ['worker'] }))).toBeNull()
    expect(failureOf(() => checks.joinedChildren('Join both.', { before: /^parent done$/ }))).toMatch(/Found: +no join of heartbeat by the program/)
    expect(failureOf(() => checks.joinedChildren('Start the reader.', { children: ['worker', 'reader'] }))).toMatch(
      /^Start the reader\.\n\nExpected: MainProcess \(pid \d+\) joins reader \(await join\(\)\)\nFound: +reader was never started$/,
    )
  })
})

describe('overlap', () => {
  test('map over a Pool(2) runs two tasks at once', async () => {
    const checks = await run('pool-parallel')
    expect(failureOf(() => checks.overlapped('Run them in parallel.'))).toBeNull()
  })

  test('awaiting one task after another does not', async () => {
    const checks = await run('pool-serial')
    expect(failureOf(() => checks.overlapped('Run them in parallel.'))).toMatch(/Expected: 2 pool tasks running at the same time, in different processes\nFound: +at most 1 at a time \(2 tasks traced\)$/)
  })
})

describe('holds', () => {
  test('work printed while holding the semaphore passes', async () => {
    const checks = await run('hold-inside')
    expect(failureOf(() => checks.printedWhileHolding(/^working/, 'Semaphore', 'Work inside the gate.'))).toBeNull()
  })

  test('work printed before acquiring fails, naming the line and its process', async () => {
    const checks = await run('hold-outside')
    expect(failureOf(() => checks.printedWhileHolding(/^working/, 'Semaphore', 'Work inside the gate.'))).toMatch(
      /Found: +line 1 \(working \d+\) was printed by Process-\d \(pid \d+\) while it held no Semaphore$/,
    )
  })
})

describe('errors proclab threw', () => {
  test('a receiver that really reached EOF passes', async () => {
    const checks = await run('eof-real')
    expect(failureOf(() => checks.raised('EOFError', 'Read until EOFError.', { from: 'child' }))).toBeNull()
  })

  test('a line that only says EOFError fails', async () => {
    const checks: ProgramExpectations = await run('eof-fake')
    checks.line(/^receiver: EOFError$/, 'the output looks right')
    expect(failureOf(() => checks.raised('EOFError', 'Read until EOFError.', { from: 'child' }))).toMatch(/Expected: proclab throws EOFError in a child process\nFound: +proclab threw no EOFError there$/)
  })
})
