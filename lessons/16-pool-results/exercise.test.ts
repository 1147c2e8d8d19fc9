import { describe, test } from 'vitest'
import { expectProgram, runExercise, type TraceEvent } from '@proclab/harness'

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

describe('lesson 16: getting results from a pool', () => {
  test('the program exits normally', () => {
    const uncaught = run.exitCode !== 0 && /RangeError: age must not be negative/.test(run.stderr)
    program.exitCode(
      0,
      uncaught
        ? "checkAge's RangeError reached the parent and nobody caught it, so the program crashed. That is the error " +
            'travelling back as it should: now wrap `await pool.apply(checkAge, [-1])` in try { … } catch (error) { … } and ' +
            'print it instead.'
        : 'The program should finish without an error.',
    )
  })

  test('apply returned each square to the parent', () => {
    const applied = program.lines(APPLIED).map((m) => `square(${m[1]}) = ${m[2]}`)
    const hint =
      applied.length === 0
        ? 'Section 1 printed no `apply: square(n) = …` line. In its loop, run the task with `const value = await ' +
          'pool.apply(square, [n])` and print `apply: square(${n}) = ${value}`.'
        : applied.some((line) => /object|Promise|undefined/.test(line))
          ? 'apply returns a Promise of the result: without `await` you print the Promise, not the square. Write ' +
            '`const value = await pool.apply(square, [n])`.'
          : 'Each apply should print the square it got back, in the order 1, 2, 3: `await` each apply inside the loop, so ' +
            'that its line is printed before the next task is handed out.'
    program.equal(applied, ['square(1) = 1', 'square(2) = 4', 'square(3) = 9'], hint)
  })

  test('the apply tasks ran one after another', () => {
    // Section 1 is the first to use the pool, so its three tasks are the pool's tasks 0, 1 and 2.
    const tasks = taskRuns(run.trace).slice(0, 3)
    program.that(
      tasks.length === 3 && tasks.every((t, i) => t.task === i && t.end !== undefined),
      'The pool did not run the three tasks of section 1 (see the test above): use `await pool.apply(square, [n])` in its loop.',
      { expected: 'tasks 0, 1 and 2 in the trace, each started and ended', found: tasks.map((t) => `task ${t.task}`) },
    )
    for (const [earlier, later] of [
      [tasks[0]!, tasks[1]!],
      [tasks[1]!, tasks[2]!],
    ] as const) {
      program.that(
        earlier.end! <= later.start,
        `Task ${later.task} started while task ${earlier.task} was still running, so section 1 did not wait for each result. ` +
          '`pool.apply` resolves only when its task is done: `await` it inside the loop, and the next task is not handed out ' +
          'before the previous one has finished. (applyAsync, or apply without await, hands out all three at once.)',
        {
          expected: `task ${later.task} to start after task ${earlier.task} ended`,
          found: `task ${earlier.task} ran ${(earlier.end! - earlier.start).toFixed(0)} ms in ${earlier.name}; task ${later.task} started ${(earlier.end! - later.start).toFixed(0)} ms before that end, in ${later.name}`,
        },
      )
    }
  })

  test('applyAsync results were collected with get(), in the order they were handed out', () => {
    const results = printedList(ASYNC_RESULTS, 'The parent should still print `applyAsync: [...]`: keep that line in section 2.')
    const hint = Array.isArray(results) && results.length === 0
      ? 'Section 2 collected no results. Fill `pending` with `[4, 5, 6].map((n) => pool.applyAsync(square, [n]))`, then ' +
        'loop over it and push `await result.get()` for each onto `results`.'
      : 'Push `await result.get()` for each AsyncResult in `pending`, in that order: get() waits for that one task, whichever ' +
        'finished first, so the results come out in the order the tasks were handed out.'
    program.equal(results, [16, 25, 36], hint)
  })

  test('map returned the results in input order', () => {
    const squares = printedList(MAP_RESULTS, 'The parent should still print `map: [...]`: keep that line in section 3.')
    const hint = Array.isArray(squares) && squares.length === 0
      ? 'Section 3 printed an empty list. Replace it with `const squares = await pool.map(square, [7, 8, 9, 10])`.'
      : 'map returns the results in the order of the items, however the tasks finished: print the array that ' +
        '`await pool.map(square, [7, 8, 9, 10])` gives back, as it is.'
    program.equal(squares, [49, 64, 81, 100], hint)
  })

  test("the task's error reached the parent with its name and message", () => {
    const [, caught] = program.line(
      CAUGHT,
      'Section 4 printed no `error: …` line. Run `await pool.apply(checkAge, [-1])` inside try { … } catch (error) { … }, ' +
        'and in the catch print `error: ${error.name}: ${error.message}`.',
    )
    program.equal(
      caught,
      EXPECTED_ERROR,
      "The error caught in the parent should be checkAge's own: the pool rethrows it with the same name (RangeError) and " +
        'message. Print `error: ${error.name}: ${error.message}` with the error you caught.',
    )
  })
})
