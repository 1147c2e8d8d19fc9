import { describe, test } from 'vitest'
import { expectProgram, runExercise } from '@proclab/harness'

const run = await runExercise(import.meta.url)
const program = expectProgram(run)

const NUMBERS = [1, 2, 3, 4, 5]
/** The task the program cancels: the last one submitted. */
const LAST = NUMBERS.at(-1)!
/** The tasks that must run, with the squares they return. */
const KEPT = NUMBERS.slice(0, -1)
const EXPECTED_ERROR = 'RangeError: divide(7, 0): cannot divide by zero'

// `main: pid=4242`, printed first by the main program.
const MAIN = /^main: pid=(\d+)$/
// `task: slowSquare(3) pid=4250`, printed by slowSquare in whichever process runs it.
const TASK = /^task: slowSquare\((\d+)\) pid=(\d+)$/
// `task: divide(7, 0) pid=4250`, printed by divide before it throws.
const DIVIDE = /^task: divide\(7, 0\) pid=(\d+)$/
// `result: slowSquare(3) = 9`, printed by the main program from the future's result.
const RESULT = /^result: slowSquare\((\d+)\) = (.*)$/
// `result: slowSquare(5) was cancelled, it never ran`, printed instead of a result for a cancelled future.
const CANCELLED_RESULT = new RegExp(`^result: slowSquare\\(${LAST}\\) was cancelled`)
// `cancel: slowSquare(5) cancel()=true cancelled()=true done()=true`, printed right after cancel().
const CANCEL = /^cancel: slowSquare\((\d+)\) cancel\(\)=(\S+) cancelled\(\)=(\S+) done\(\)=(\S+)$/
// `exception: RangeError: divide(7, 0): cannot divide by zero`, from `await future.exception()`.
const EXCEPTION = /^exception: (.*)$/

const mainPid = program.lines(MAIN)[0]?.[1]
const tasks = program.lines(TASK).map((m) => ({ n: Number(m[1]), pid: m[2]! }))

describe('lesson 18: futures from a ProcessPoolExecutor', () => {
  test('the program exits normally', () => {
    const hint = /CancelledError/.test(run.stderr)
      ? 'The program crashed with CancelledError: it asked a cancelled future for its result. A cancelled future never ' +
        'ran, so it has no result: check `future.cancelled()` first and print `result: slowSquare(<n>) was cancelled, it never ran`.'
      : /cannot divide by zero/.test(run.stderr)
        ? "The program crashed with divide's RangeError. `await future.result()` (or `await future`) rethrows a task's error " +
          'in the main program; `await future.exception()` hands it to you instead, as a value. Use exception() for the divide future.'
        : 'The program should finish without an error.'
    program.exitCode(0, hint)
  })

  test('the tasks ran in the executor’s worker, not in the main program', () => {
    program.that(mainPid !== undefined, 'Keep the first line of the main program: `main: pid=${process.pid}`.')
    program.that(tasks.length > 0, 'slowSquare never ran: submit it once per number with `executor.submit(slowSquare, n)`.', {
      expected: 'lines `task: slowSquare(<n>) pid=<pid>`',
      found: 'none',
    })
    const inMain = tasks.filter((t) => t.pid === mainPid).map((t) => `slowSquare(${t.n})`)
    program.that(
      inMain.length === 0,
      `slowSquare ran in the main program itself (pid ${mainPid}), so no worker process did anything: it was called ` +
        'directly, `slowSquare(n)`. Hand it to the executor instead: `executor.submit(slowSquare, n)` sends the call to a ' +
        'worker process and gives you back a Future.',
      { expected: `every task in a worker, whose pid is not ${mainPid}`, found: `${inMain.join(', ')} in the main program, pid ${mainPid}` },
    )
    const workers = [...new Set(tasks.map((t) => t.pid))]
    program.that(workers.length === 1, 'All the squares should run in one worker process: create the executor with `{ maxWorkers: 1 }`.', {
      expected: 'one worker pid',
      found: workers,
    })
  })

  test('each task that was not cancelled returned its square', () => {
    const results = new Map(program.lines(RESULT).map((m) => [Number(m[1]), m[2]!]))
    const found = Object.fromEntries(KEPT.map((n) => [n, results.get(n) ?? '(no result line)']))
    const expected = Object.fromEntries(KEPT.map((n) => [n, String(n * n)]))
    const printedFutures = [...results.values()].some((v) => /Future|Promise/.test(v))
    program.equal(
      found,
      expected,
      printedFutures
        ? 'A result line shows the future itself, not its value. Wait for the value: `const value = await future.result()`.'
        : 'For every number except the last, print `result: slowSquare(<n>) = <value>` with the value from ' +
            '`await future.result()`, in the loop over the futures.',
    )
  })

  test('the last future was cancelled while it was still queued, so it never ran', () => {
    const [, n, cancelReturned, cancelled, done] = program.line(
      CANCEL,
      'No `cancel: …` line. Right after submitting, call `cancel()` on the last future and print ' +
        '`cancel: slowSquare(<n>) cancel()=<what it returned> cancelled()=<future.cancelled()> done()=<future.done()>`.',
    )
    program.equal(Number(n), LAST, `Cancel the last future, the one of slowSquare(${LAST}).`)
    program.equal(
      cancelReturned,
      'true',
      'cancel() returned false: a worker had already taken the task, and a task that has started cannot be cancelled. ' +
        'With `maxWorkers: 1` the worker holds at most two tasks, so the last of five is still in the queue right after ' +
        'submit(). Call cancel() straight after submitting, before any `await`.',
    )
    program.equal(cancelled, 'true', 'After a successful cancel(), `future.cancelled()` is true: print what it returns.')
    program.equal(done, 'true', 'A cancelled future is done (it will never change again): print `future.done()`.')
    const ranAnyway = tasks.filter((t) => t.n === LAST)
    program.equal(ranAnyway.length, 0, `slowSquare(${LAST}) ran although it was cancelled: cancel the very future you submitted for it.`)
    program.count(
      CANCELLED_RESULT,
      1,
      `In the loop over the results, a cancelled future has no value: when \`future.cancelled()\`, print ` +
        `\`result: slowSquare(${LAST}) was cancelled, it never ran\` instead of asking for its result.`,
    )
  })

  test('divide(7, 0) failed in the worker and its error came back through exception()', () => {
    const [, dividePid] = program.line(
      DIVIDE,
      'divide never ran: submit it with `executor.submit(divide, 7, 0)` and keep the future it returns.',
    )
    program.that(
      dividePid !== mainPid,
      `divide ran in the main program (pid ${mainPid}): submit it to the executor instead of calling it.`,
      { expected: `a worker's pid, not ${mainPid}`, found: dividePid },
    )
    const [, shown] = program.line(
      EXCEPTION,
      "No `exception: …` line. Get divide's error with `const error = await future.exception()` (it waits for the task " +
        'and resolves to its error, or null) and print `exception: ${error.name}: ${error.message}`.',
    )
    program.equal(
      shown,
      EXPECTED_ERROR,
      'The error thrown in the worker comes back with its name and message: print `exception: ${error.name}: ${error.message}`.',
    )
  })
})
