import { describe, test } from 'vitest'
import { expectProgram, runExercise } from '@proclab/harness'

// The solution ends in about a second: give up well before vitest does.
const run = await runExercise(import.meta.url, {
  timeout: 20_000,
  timeoutHint:
    'A reader that uses a blocking get() waits forever once the queue is empty. The reader here takes items with ' +
    'getNowait() and stops at mp.Empty, and it must run only after every writer task has finished.',
})
const program = expectProgram(run)

const NUMBERS = [1, 2, 3]
// `plain mp.Queue refused: <proclab's message>`, printed by the parent when the pool refused the plain queue.
const REFUSED = /^plain mp\.Queue refused: (.*)$/
// What proclab's message must point to: the queue that pool tasks can be given.
const MANAGER_QUEUE = 'manager.Queue()'
// `write: put 2 in PoolWorker-1`, printed by each writer task.
const WROTE = /^write: put (\d+) in (\S+)$/
// `read: took [2,1,3] in PoolWorker-2`, printed by the reader task.
const READ = /^read: took (\[.*\]) in (\S+)$/
// `main: the reader got [2,1,3]`, printed by the parent with what the reader task returned.
const GOT = /^main: the reader got (.*)$/
const POOL_WORKER = /^PoolWorker-\d+$/
// The refusal, when nothing caught it: the program crashed with it on stderr.
const uncaughtRefusal = run.exitCode !== 0 && /cannot send a queue or pipe end to a task/.test(run.stderr)

const writes = program.lines(WROTE).map((m) => ({ n: Number(m[1]), name: m[2]! }))

/** What the parent printed as the reader's result, or null if it is not a JSON list. */
function readerResult(): number[] | null {
  const [, text] = program.line(
    GOT,
    uncaughtRefusal
      ? 'The program crashed in section 1 (see the first test), so section 2 never ran.'
      : 'The parent should print `main: the reader got [...]` at the end of section 2: keep that line.',
  )
  try {
    const value: unknown = JSON.parse(text!)
    return Array.isArray(value) ? (value as number[]) : null
  } catch {
    return null
  }
}

describe('lesson 17: pool tasks that talk through manager.Queue()', () => {
  test('the program exits normally', () => {
    program.exitCode(
      0,
      uncaughtRefusal
        ? 'The pool refused the plain mp.Queue, as it should, but nothing caught the error, so the program crashed (see ' +
            'stderr). Wrap `await pool.apply(write, [plain, …])` in try { … } catch (error) { … } and print the message instead.'
        : 'The program should finish without an error.',
    )
  })

  test("handing a plain mp.Queue to a pool task failed with proclab's message, and the program printed it", () => {
    const [, message] = program.line(
      REFUSED,
      uncaughtRefusal
        ? 'The refusal crashed the program instead of being printed. Catch it around `await pool.apply(write, [plain, …])` ' +
            'and print `plain mp.Queue refused: ${error.message}`.'
        : 'Section 1 should try to hand the plain mp.Queue to a pool task, catch the error, and print ' +
            '`plain mp.Queue refused: ${error.message}`.',
    )
    program.that(
      message!.includes(MANAGER_QUEUE),
      "Print the error's own message, `error.message`: proclab's message explains why a pool task cannot take a plain " +
        'queue and names what to use instead.',
      { expected: `a message that mentions ${MANAGER_QUEUE}`, found: message },
    )
    if (writes.length > 0) {
      program.before(REFUSED, WROTE, 'Section 1 (the plain queue) should run before section 2 (the manager queue): keep their order.')
    }
  })

  test('the writer tasks ran in pool workers, one per number', () => {
    const numbers = writes.map((w) => w.n).sort((a, b) => a - b)
    program.equal(
      numbers,
      NUMBERS,
      writes.length === 0
        ? (uncaughtRefusal
            ? 'The program crashed in section 1 (see the first test), so section 2 never ran. In section 2, start a manager, '
            : "No writer task ran with the manager's queue. Start a manager, ") +
            '`await using manager = await mp.Manager()`, ' +
            'make `const q = await manager.Queue<number>()`, and hand out one task per number: ' +
            '`pool.applyAsync(write, [q, n])` for each n of NUMBERS.'
        : 'Hand out exactly one writer task per number of NUMBERS (1, 2 and 3), each with the same manager queue.',
    )
    const outside = writes.filter((w) => !POOL_WORKER.test(w.name))
    program.that(
      outside.length === 0,
      'The writers should run as pool tasks, `pool.applyAsync(write, [q, n])`, not be called in the parent or started as ' +
        'processes of their own.',
      { expected: 'every writer in a PoolWorker-N process', found: outside.map((w) => `write ${w.n} in ${w.name}`) },
    )
  })

  test('the reader task got 1, 2 and 3 through the manager queue', () => {
    const got = readerResult()
    program.that(Array.isArray(got), 'Print the list the reader returned as JSON: `main: the reader got ${JSON.stringify(got)}`.', {
      expected: 'main: the reader got [1,2,3] (in any order)',
      found: `main: the reader got ${program.lines(GOT)[0]?.[1]}`,
    })
    const reads = program.lines(READ)
    program.that(
      reads.length > 0 && POOL_WORKER.test(reads[0]![2]!),
      reads.length === 0
        ? 'The reader task did not run. After the writers, run it in the pool: `const got = await pool.apply(read, [q])`.'
        : 'The reader should run as a pool task, `await pool.apply(read, [q])`, not be called in the parent.',
      { expected: 'read: took […] in PoolWorker-N', found: reads.map((m) => m[0]) },
    )
    const sorted = [...got!].sort((a, b) => a - b)
    const hint =
      got!.length === 0
        ? writes.length > 0
          ? 'The writers ran, but the reader found the queue empty. Does write() really put its number, `await q.put(n)`? ' +
            'Do the writers and the reader use the same queue, the one from `manager.Queue()`? And does the parent wait for ' +
            'every writer, `await result.get()`, before it runs the reader?'
          : "The reader got nothing because no writer ran with the manager's queue (see the test above)."
        : got!.length < NUMBERS.length
          ? 'The reader started before every writer had finished, found the queue empty and stopped early. Keep the ' +
            'AsyncResults of the writers and `await result.get()` on each before `await pool.apply(read, [q])`.'
          : 'The reader should get each number once: one writer task per number, and nothing else put on the queue.'
    // Three writers run side by side, so the order they put their numbers in is up to the scheduler: compare as a set.
    program.equal(sorted, NUMBERS, hint)
  })
})
