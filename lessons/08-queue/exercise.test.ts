import { describe, test } from 'vitest'
import { expectProgram, runExercise } from '@proclab/harness'

// A reader that waits for an item nobody puts would wait forever: give up well before vitest does.
const run = await runExercise(import.meta.url, { timeout: 20_000 })
const program = expectProgram(run)

const DATA = [11, 22, 33, 44]
// `writer: put 11`, printed by the writer after each put.
const PUT = /^writer: put (\d+)$/
// `reader: got [11,22,33,44]`, printed by the reader once it has taken its items.
const GOT = /^reader: got (\[.*\])$/
// Printed by the reader when getNowait() on the drained queue threw mp.Empty.
const DRAINED = /^reader: drained, getNowait\(\) threw Empty$/
// An uncaught error in the reader is reported on stderr as `Process reader:` and its stack.
const readerCrashed = /^Process reader:/m.test(run.stderr)

/** The reader's printed list, or null if it was not printed as JSON. */
function parseList(text: string): number[] | null {
  try {
    const value: unknown = JSON.parse(text)
    return Array.isArray(value) ? (value as number[]) : null
  } catch {
    return null
  }
}

describe('lesson 08: passing data through a Queue', () => {
  test('the program exits normally', () => {
    program.exitCode(0, 'The program should finish without an error.')
  })

  test('the writer put 11, 22, 33 and 44', () => {
    const put = program.lines(PUT).map((m) => Number(m[1]))
    program.equal(
      put,
      DATA,
      'The writer should put every number of DATA on the queue and print `writer: put <n>` after each: in the loop of ' +
        'writer(), `await q.put(n)` and then print the line.',
    )
  })

  test('the reader got [11, 22, 33, 44], in order', () => {
    const [, shown] = program.line(
      GOT,
      readerCrashed
        ? 'The reader crashed before printing `reader: got [...]`: read its error on stderr below.'
        : 'The reader should print `reader: got [...]` once it has taken its items: keep that line in reader().',
    )
    const got = parseList(shown!)
    program.that(Array.isArray(got), 'Print the list as JSON, as the starter does: `reader: got ${JSON.stringify(got)}`.', {
      expected: 'reader: got [11,22,33,44]',
      found: `reader: got ${shown}`,
    })
    const hint =
      got!.length === 0
        ? 'The reader took nothing off the queue. In reader(), call `await q.get()` once per item (DATA.length times) and push ' +
          'each result onto `got`. get() waits until the writer has put something, so the reader needs no sleep.'
        : got!.length < DATA.length
          ? 'The reader stopped too early. Take exactly DATA.length items with `await q.get()`; do not stop when `q.empty()` is ' +
            'true: the writer may just not have put the next number yet.'
          : 'A Queue is first in, first out: with one writer, the reader gets the numbers in the order they were put. Push each ' +
            'item onto `got` as it arrives, without sorting or skipping.'
    program.equal(got, DATA, hint)
  })

  test('the reader caught Empty once the queue was drained', () => {
    const uncaught = readerCrashed && /\bEmpty\b/.test(run.stderr)
    program.count(
      DRAINED,
      1,
      uncaught
        ? 'getNowait() threw mp.Empty, but nothing caught it, so the reader crashed (see stderr). Call it inside try { … } ' +
            'catch (error) { … } and print `reader: drained, getNowait() threw Empty` when `error instanceof mp.Empty`.'
        : 'After its four items the reader should show that the queue is drained: call `await q.getNowait()` (it never waits) ' +
            'inside try/catch, and when the error is an mp.Empty print `reader: drained, getNowait() threw Empty`. ' +
            'A plain get() would wait forever instead.',
    )
    program.before(GOT, DRAINED, 'The reader should try getNowait() only after it has taken all four items and printed them.')
  })
})
