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

describe('children started together', () => {
  test('a parent that starts its child before joining it passes', async () => {
    const checks = await run('join')
    expect(failureOf(() => checks.startedTogether('Start both first.'))).toBeNull()
  })

  test('a parent that starts the second child only after joining the first fails, naming it', async () => {
    const checks = await run('one-after-the-other')
    expect(failureOf(() => checks.startedTogether('Start both first.'))).toMatch(
      /^Start both first\.\n\nExpected: first, second all started before the first join\(\) returned\nFound: +second started only after the join of first had returned$/,
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
    expect(failureOf(() => checks.overlapped('Run them in parallel.'))).toMatch(
      /Expected: 2 pool tasks running at the same time, in different processes\nFound: +at most 1 at a time \(2 tasks traced\); the program had at most 1 handed to the pool and not yet finished at once$/,
    )
  })

  // A Pool(2) whose main process (pid 1) hands out tasks at `submits`; its workers 2 and 3 are ready (waiting for a task)
  // at `ready`, and run the tasks at `runs` ([worker, start, end]): a trace made by hand, to set when the workers came up.
  function poolTrace(submits: number[], ready: [number, number][], runs: [number, number, number][]): ProgramExpectations {
    const at = (t: number, pid: number, event: string, fields: Record<string, unknown> = {}) => ({ t, pid, ppid: pid === 1 ? 0 : 1, name: pid === 1 ? 'MainProcess' : `PoolWorker-${pid - 1}`, event, ...fields })
    const trace = [
      at(0, 2, 'spawn', { daemon: true }),
      at(0, 3, 'spawn', { daemon: true }),
      ...submits.map((t, task) => at(t, 1, 'task-submit', { task })),
      ...ready.map(([pid, t]) => at(t, pid, 'block', { on: 'recv', kind: 'pipe', internal: true })),
      ...runs.flatMap(([pid, start, end], task) => [at(start, pid, 'task-start', { task }), at(end, pid, 'task-end', { task })]),
    ].sort((a, b) => a.t - b.t)
    return expectProgram({ file: 'pool.ts', exitCode: 0, stdout: '', stderr: '', lines: [], trace, pid: 1 })
  }

  test('tasks handed out together that ran one by one because the second worker came up late pass', () => {
    // Worker 3 is ready at 350, after worker 2 has run all three tasks: no two could have run at once.
    const late = poolTrace([1, 1, 1], [[2, 5], [3, 350]], [[2, 10, 110], [2, 110, 210], [2, 210, 310]])
    expect(failureOf(() => late.overlapped('Run them in parallel.'))).toBeNull()
  })

  test('tasks handed out together that ran one by one with both workers ready fail', () => {
    const ready = poolTrace([1, 1, 1], [[2, 5], [3, 6]], [[2, 10, 110], [2, 110, 210], [3, 210, 310]])
    expect(failureOf(() => ready.overlapped('Run them in parallel.'))).toMatch(/Found: +at most 1 at a time \(3 tasks traced\); the program had at most 3 handed/)
  })

  test('a pool of one worker fails: it came up in time, it was alone', () => {
    const alone = poolTrace([1, 1, 1], [[2, 5]], [[2, 10, 110], [2, 110, 210], [2, 210, 310]])
    const trace = alone.run.trace.filter((e) => !(e.event === 'spawn' && e.pid === 3))
    expect(failureOf(() => expectProgram({ ...alone.run, trace }).overlapped('Run them in parallel.'))).toMatch(/the program had at most 3 handed/)
  })

  test('with from/to, only the tasks of that window count: workers that came up before it are ready in it', () => {
    // Tasks 0 and 1 are awaited one by one before 300; tasks 2 and 3 are handed out together at 300 and run side by side.
    const sections = poolTrace([1, 111, 300, 300], [[2, 5], [3, 6]], [[2, 10, 110], [3, 112, 211], [2, 301, 400], [3, 302, 401]])
    expect(failureOf(() => sections.overlapped('Run them in parallel.'))).toBeNull()
    expect(failureOf(() => sections.overlapped('Section 1 awaits each.', { to: 300 }))).toMatch(/at most 1 at a time \(2 tasks traced\); the program had at most 1 handed/)
    expect(failureOf(() => sections.overlapped('Section 2 hands out both.', { from: 300 }))).toBeNull()
    // In the second window alone, both workers were ready before it began (their waits at 5 and 6 are kept).
    const late = poolTrace([1, 111, 300, 300], [[2, 5], [3, 6]], [[2, 10, 110], [3, 112, 211], [2, 301, 400], [2, 400, 500]])
    expect(failureOf(() => late.overlapped('Section 2 hands out both.', { from: 300 }))).toMatch(/the program had at most 2 handed/)
  })

  test('tasks awaited one by one fail however late the workers came up', () => {
    const serial = poolTrace([1, 111, 212], [[2, 5], [3, 350]], [[2, 10, 110], [2, 112, 211], [2, 213, 312]])
    expect(failureOf(() => serial.overlapped('Run them in parallel.'))).toMatch(/the program had at most 1 handed to the pool and not yet finished at once$/)
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

describe('children the parent stopped', () => {
  test("a child stopped by the parent's terminate() passes, and not as a kill()", async () => {
    const checks = await run('terminate')
    expect(failureOf(() => checks.stopped('sleeper', 'Stop it with terminate().'))).toBeNull()
    expect(failureOf(() => checks.stopped('sleeper', 'Stop it with kill().', { api: 'kill' }))).toMatch(/Found: +no kill\(\) call on it/)
  })

  test('a child that SIGTERMs itself fails, though its exit code is the same', async () => {
    const checks = await run('self-sigterm')
    expect(failureOf(() => checks.stopped('sleeper', 'Stop it with terminate().'))).toMatch(
      /^Stop it with terminate\(\)\.\n\nExpected: MainProcess \(pid \d+\) calls terminate\(\) on sleeper before it exits\nFound: +no terminate\(\) call on it/,
    )
  })
})
