import { describe, test } from 'vitest'
import { expectProgram, runExercise, translator } from '@proclab/harness'
import { messages } from './messages.ts'

const t = translator(messages)

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

describe(t('lesson'), () => {
  test(t('exits'), () => {
    const hint = /CancelledError/.test(run.stderr)
      ? t('resultOfCancelled')
      : /cannot divide by zero/.test(run.stderr)
        ? t('divideRethrown')
        : t('exitsHint')
    program.exitCode(0, hint)
  })

  test(t('inWorker'), () => {
    program.that(mainPid !== undefined, t('keepMainLine'))
    program.that(tasks.length > 0, t('neverRan'), { expected: t('taskLines'), found: t('none') })
    const inMain = tasks.filter((task) => task.pid === mainPid).map((task) => `slowSquare(${task.n})`)
    program.that(inMain.length === 0, t('ranInMain', { pid: String(mainPid) }), {
      expected: t('everyInWorker', { pid: String(mainPid) }),
      found: t('inMainFound', { tasks: inMain.join(', '), pid: String(mainPid) }),
    })
    const workers = [...new Set(tasks.map((task) => task.pid))]
    program.that(workers.length === 1, t('oneWorker'), { expected: t('oneWorkerPid'), found: workers })
  })

  test(t('squares'), () => {
    const results = new Map(program.lines(RESULT).map((m) => [Number(m[1]), m[2]!]))
    const found = Object.fromEntries(KEPT.map((n) => [n, results.get(n) ?? t('noResultLine')]))
    const expected = Object.fromEntries(KEPT.map((n) => [n, String(n * n)]))
    const printedFutures = [...results.values()].some((v) => /Future|Promise/.test(v))
    program.equal(found, expected, printedFutures ? t('printedFuture') : t('printResults'))
  })

  test(t('cancelled'), () => {
    const [, n, cancelReturned, cancelled, done] = program.line(CANCEL, t('noCancelLine'))
    program.equal(Number(n), LAST, t('cancelLast', { last: LAST }))
    program.equal(cancelReturned, 'true', t('cancelTooLate'))
    program.equal(cancelled, 'true', t('printCancelled'))
    program.equal(done, 'true', t('printDone'))
    const ranAnyway = tasks.filter((task) => task.n === LAST)
    program.equal(ranAnyway.length, 0, t('ranAnyway', { last: LAST }))
    program.count(CANCELLED_RESULT, 1, t('noValue', { last: LAST }))
  })

  test(t('divide'), () => {
    const [, dividePid] = program.line(DIVIDE, t('divideNeverRan'))
    program.that(dividePid !== mainPid, t('divideInMain', { pid: String(mainPid) }), { expected: t('workerPid', { pid: String(mainPid) }), found: dividePid })
    const [, shown] = program.line(EXCEPTION, t('noExceptionLine'))
    program.equal(shown, EXPECTED_ERROR, t('nameAndMessage'))
    // The line can be typed in; the trace says whether a task really threw in a worker (its task-end names the error).
    const failed = run.trace.filter((e) => e.event === 'task-end' && e.error !== undefined && e.pid !== run.pid)
    program.that(failed.length > 0, t('noTaskFailed'), { expected: t('taskFailed'), found: t('noTaskFailedFound') })
  })
})
