import { describe, test } from 'vitest'
import { expectProgram, runExercise, taskRuns as tracedTasks, translator, type TraceEvent } from '@proclab/harness'
import { messages } from './messages.ts'

const t = translator(messages)

// The solution ends in about three seconds: give up well before vitest does.
const run = await runExercise(import.meta.url, { timeout: 20_000 })
const program = expectProgram(run)

// `apply: square(2) = 4`, printed by the parent after each apply.
const APPLIED = /^apply: square\((\d+)\) = (.*)$/
// `applyAsync: [16,25,36]` and `map: [49,64,81,100]`, printed by the parent.
const ASYNC_RESULTS = /^applyAsync: (\[.*\])$/
const MAP_RESULTS = /^map: (\[.*\])$/
// `error: RangeError: age must not be negative, got -1`, printed by the parent when it caught the task's error.
const CAUGHT = /^error: (.*)$/
const EXPECTED_ERROR = 'RangeError: age must not be negative, got -1'

/** One pool task, from the `task-start` and `task-end` events its worker wrote to the trace. */
interface TaskRun {
  task: number
  pid: number
  name: string
  start: number
  end: number | undefined
}

function taskRuns(trace: TraceEvent[]): TaskRun[] {
  const byTask = new Map<number, TaskRun>()
  for (const e of trace) {
    if (typeof e.task !== 'number') continue
    if (e.event === 'task-start') byTask.set(e.task, { task: e.task, pid: e.pid, name: e.name, start: e.t, end: undefined })
    else if (e.event === 'task-end' && byTask.has(e.task)) byTask.get(e.task)!.end = e.t
  }
  return [...byTask.values()].sort((a, b) => a.task - b.task)
}

/** The printed list after `pattern`, or null if it is not JSON. */
function printedList(pattern: RegExp, hint: string): unknown {
  const [, text] = program.line(pattern, hint)
  try {
    return JSON.parse(text!)
  } catch {
    return null
  }
}

/** When the main process printed its first line matching `pattern` (a section's header), from the trace. */
function printedAt(pattern: RegExp): number | undefined {
  const e = run.trace.find(
    (e) =>
      e.event === 'output' &&
      e.name === 'MainProcess' &&
      String(e.text ?? '')
        .split('\n')
        .some((line) => pattern.test(line)),
  )
  return e?.t
}

const SECTION_2 = printedAt(/^2\. applyAsync/)
const SECTION_3 = printedAt(/^3\. map/)
const SECTION_4 = printedAt(/^4\. a task that throws/)
const ERROR_LINE = printedAt(CAUGHT)

/** The pool tasks that started between two moments (a section of the program), from the trace. */
function tasksBetween(from: number | undefined, to: number | undefined) {
  return tracedTasks(run.trace).filter((task) => from !== undefined && task.start >= from && (to === undefined || task.start < to))
}

/** Fails unless the results line was printed after every task of its section had ended: a list typed in comes earlier. */
function resultsAfterTasks(pattern: RegExp, from: number | undefined, to: number | undefined, api: string): void {
  const printed = printedAt(pattern)
  const unfinished = tasksBetween(from, to).filter((task) => printed !== undefined && task.end > printed)
  program.that(unfinished.length === 0, t('resultsBeforeTasks', { api }), {
    expected: t('resultsAfter'),
    found: t('stillRunning', { count: unfinished.length }),
  })
}

describe(t('lesson'), () => {
  test(t('exits'), () => {
    const uncaught = run.exitCode !== 0 && /RangeError: age must not be negative/.test(run.stderr)
    program.exitCode(0, uncaught ? t('uncaught') : t('exitsHint'))
  })

  test(t('applyReturned'), () => {
    const applied = program.lines(APPLIED).map((m) => `square(${m[1]}) = ${m[2]}`)
    const hint =
      applied.length === 0 ? t('noApplyLine') : applied.some((line) => /object|Promise|undefined/.test(line)) ? t('printedPromise') : t('inOrder')
    program.equal(applied, ['square(1) = 1', 'square(2) = 4', 'square(3) = 9'], hint)
  })

  test(t('oneAfterAnother'), () => {
    // Section 1 is the first to use the pool, so its three tasks are the pool's tasks 0, 1 and 2.
    const tasks = taskRuns(run.trace).slice(0, 3)
    program.that(tasks.length === 3 && tasks.every((task, i) => task.task === i && task.end !== undefined), t('notThreeTasks'), {
      expected: t('threeTasks'),
      found: tasks.map((task) => t('task', { task: task.task })),
    })
    for (const [earlier, later] of [
      [tasks[0]!, tasks[1]!],
      [tasks[1]!, tasks[2]!],
    ] as const) {
      program.that(earlier.end! <= later.start, t('overlapped', { later: later.task, earlier: earlier.task }), {
        expected: t('startAfterEnd', { later: later.task, earlier: earlier.task }),
        found: t('overlapFound', {
          earlier: earlier.task,
          ran: (earlier.end! - earlier.start).toFixed(0),
          earlierWorker: earlier.name,
          later: later.task,
          before: (earlier.end! - later.start).toFixed(0),
          laterWorker: later.name,
        }),
      })
    }
  })

  test(t('collected'), () => {
    const results = printedList(ASYNC_RESULTS, t('printAsync'))
    const hint = Array.isArray(results) && results.length === 0 ? t('noResults') : t('getInOrder')
    program.equal(results, [16, 25, 36], hint)
    resultsAfterTasks(ASYNC_RESULTS, SECTION_2, SECTION_3, 'applyAsync')
  })

  test(t('asyncSideBySide'), () => {
    program.that(SECTION_2 !== undefined && SECTION_3 !== undefined, t('keepHeaders'))
    // From the tasks handed out in the section (task-submit) and when the workers were ready, not from wall-clock time.
    program.overlapped(t('asyncSerial'), { from: SECTION_2, to: SECTION_3 })
  })

  test(t('mapOrder'), () => {
    const squares = printedList(MAP_RESULTS, t('printMap'))
    const hint = Array.isArray(squares) && squares.length === 0 ? t('mapEmpty') : t('mapAsIs')
    program.equal(squares, [49, 64, 81, 100], hint)
    resultsAfterTasks(MAP_RESULTS, SECTION_3, SECTION_4, 'map')
  })

  test(t('mapSideBySide'), () => {
    program.that(SECTION_3 !== undefined && SECTION_4 !== undefined, t('keepHeaders'))
    program.overlapped(t('mapSerial'), { from: SECTION_3, to: SECTION_4 })
  })

  test(t('errorReached'), () => {
    const [, caught] = program.line(CAUGHT, t('noErrorLine'))
    program.equal(caught, EXPECTED_ERROR, t('ownError'))
  })

  test(t('errorInWorker'), () => {
    program.that(SECTION_4 !== undefined, t('keepHeaders'))
    // The error line must come from a task the pool ran in section 4, between its header and that line.
    const tasks = tasksBetween(SECTION_4, ERROR_LINE).filter((task) => ERROR_LINE === undefined || task.end <= ERROR_LINE)
    program.that(tasks.length >= 1, t('errorInParent'), {
      expected: t('taskBeforeError'),
      found: t('tasksInSection4', { count: tasks.length }),
    })
    // A task that ran, and the error line: the task itself must have thrown it (its traced task-end says what it threw).
    const threw = run.trace.some((e) => e.event === 'task-end' && e.error === 'RangeError' && tasks.some((task) => task.pid === e.pid && task.task === e.task))
    program.that(threw, t('errorNotThrown'), { expected: t('taskThrew'), found: t('noTaskThrew') })
  })
})
