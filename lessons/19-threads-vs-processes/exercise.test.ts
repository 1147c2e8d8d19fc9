import { describe, test } from 'vitest'
import { expectProgram, runExercise, type TraceEvent } from '@proclab/harness'

// The solution needs about four seconds on an idle two-core machine, longer on a busy one.
const run = await runExercise(import.meta.url, {
  timeout: 45_000,
  timeoutHint:
    'Is the main thread waiting for a message that never comes? Each worker thread must send its count with ' +
    '`parentPort!.postMessage(countPrimes(workerData as Slice))` in the `if (!isMainThread)` branch, and withThreads ' +
    "should also reject when a thread ends without sending one (listen for its 'exit' event).",
})
const program = expectProgram(run)

// `threads:   539777 primes in 812 ms`, printed by timed() for each variant.
const RESULT = /^(serial|threads|processes): +(-?\d+) primes in (\d+) ms$/
const SPEEDUP = /^speedup over serial: /
const answers = new Map(program.lines(RESULT).map((m) => [m[1]!, Number(m[2])]))

/** One pool task, from the `task-start` and `task-end` events its worker wrote to the trace. */
interface TaskRun {
  task: number
  pid: number
  name: string
  start: number
  end: number
}

function taskRuns(trace: TraceEvent[]): TaskRun[] {
  const starts = new Map<number, TraceEvent>()
  const runs: TaskRun[] = []
  for (const e of trace) {
    if (typeof e.task !== 'number') continue
    if (e.event === 'task-start') starts.set(e.task, e)
    const start = starts.get(e.task)
    if (e.event === 'task-end' && start) runs.push({ task: e.task, pid: start.pid, name: start.name, start: start.t, end: e.t })
  }
  return runs
}

const overlaps = (a: TaskRun, b: TaskRun) => a.pid !== b.pid && a.start < b.end && b.start < a.end
// A program that crashed or stopped early printed only part of its lines: say so instead of "keep that line".
const STOPPED_EARLY = run.exitCode === 0 ? '' : 'The program stopped before it got here (see the first test). '

describe('lesson 19: threads or processes', () => {
  test('the program exits normally', () => {
    program.exitCode(
      0,
      run.exitCode === 13
        ? 'The program ended while the main thread was still waiting (exit code 13: an unsettled top-level await). A worker ' +
            "thread ended without sending its count: in the `if (!isMainThread)` branch, send it with `parentPort!.postMessage(…)`."
        : 'The program should finish without an error.',
    )
  })

  test('the serial run counted the primes', () => {
    program.line(RESULT, 'The program should still print `serial: <count> primes in <ms> ms`: keep the three timed(…) lines.')
    program.that(
      (answers.get('serial') ?? 0) > 0,
      'The serial run should find primes: leave countPrimes, WHOLE and the serial timed(…) line as they are.',
      { expected: 'serial: <a count above 0> primes', found: answers.has('serial') ? `serial: ${answers.get('serial')} primes` : 'no serial line' },
    )
  })

  test.each([
    [
      'threads',
      'withThreads() still returns 0. For each slice in HALVES, start `new Worker(threadEntry(), { workerData: slice })` and ' +
        "wait for its 'message'; start both threads before waiting (Promise.all), then add the two counts. The thread's side " +
        'is the `if (!isMainThread)` branch at the bottom: there, send `countPrimes(workerData as Slice)` with parentPort.',
    ],
    [
      'processes',
      'withProcesses() still returns 0. Create the pool with `await using pool = new mp.Pool(2)`, run both slices with ' +
        '`await pool.map(countPrimes, HALVES)`, and add the two counts.',
    ],
  ])('the %s variant found as many primes as the serial run', (variant, notDone) => {
    const found = answers.get(variant)
    const serial = answers.get('serial')
    const hint =
      found === undefined
        ? `${STOPPED_EARLY}The program should print \`${variant}: <count> primes in <ms> ms\`: keep its timed(…) line.`
        : found === 0
          ? notDone
          : 'The two slices together are the whole job: slice 0 takes 3, 7, 11, …, slice 1 takes 5, 9, 13, … Count each ' +
            'slice of HALVES exactly once (not WHOLE, not the same slice twice) and add the two counts.'
    program.equal(found, serial, hint)
  })

  test('two pool tasks ran in different processes at the same time', () => {
    const tasks = taskRuns(run.trace)
    program.that(
      tasks.length >= 2,
      tasks.length === 0
        ? STOPPED_EARLY + 'No task ran on a pool. In withProcesses, create `new mp.Pool(2)` and hand it the two slices with ' +
            '`pool.map(countPrimes, HALVES)`.'
        : 'Only one task ran on the pool, so there was nothing to run in parallel. Hand it the two slices as two tasks: ' +
            '`pool.map(countPrimes, HALVES)` makes one task per slice (do not pass a chunksize that puts both in one task).',
      { expected: 'two pool tasks, started and ended', found: `${tasks.length}` },
    )
    const together = tasks.some((a) => tasks.some((b) => overlaps(a, b)))
    const samePid = new Set(tasks.map((t) => t.pid)).size === 1
    program.that(
      together,
      samePid
        ? 'Both tasks ran in the same worker process, one after the other. Either the pool had one worker (create it with ' +
            '`new mp.Pool(2)`), or the second slice was handed out only once the first was done (awaiting `pool.apply` for ' +
            'each slice in turn does that, lesson 16). Hand both out at once: `await pool.map(countPrimes, HALVES)`.'
        : 'The two tasks ran one after the other: the second started only when the first had finished. Hand both out at ' +
          'once, with `pool.map(countPrimes, HALVES)`; awaiting `pool.apply` for one slice before handing out the next ' +
          'runs them in turn (lesson 16).',
      {
        expected: 'two tasks of different workers whose start-to-end times overlap',
        found: tasks.map((t) => `task ${t.task} in ${t.name}: ${(t.end - t.start).toFixed(0)} ms, from +${(t.start - tasks[0]!.start).toFixed(0)} ms`),
      },
    )
  })

  test('the speedup was printed (its value is not checked)', () => {
    program.line(
      SPEEDUP,
      STOPPED_EARLY +
        'The program should end with the `speedup over serial: …` line: keep it. Its numbers are not checked: they depend on ' +
        'the machine and on what else runs on it.',
    )
  })
})
