// Lesson 18: hand tasks to a ProcessPoolExecutor and follow them through their Futures.
// Run it:   npx proclab run 18      Check it: npx proclab check 18
import * as mp from '@proclab/core'
import { ProcessPoolExecutor } from '@proclab/core/futures'

/** The numbers to square, one task each. The last one turns out not to be needed. */
export const NUMBERS = [1, 2, 3, 4, 5]
/** How long each square takes: long enough that the tasks behind the first one have to wait. */
export const SLOW_MS = 300

// A task: exported at the top level, because the worker re-imports this file and looks it up by name.
export async function slowSquare(n: number): Promise<number> {
  console.log(`task: slowSquare(${n}) pid=${process.pid}`)
  await mp.sleep(SLOW_MS) // stands in for real work: a download, a big computation
  return n * n
}

// A task that fails. JavaScript's 7 / 0 is Infinity, not an error (Python raises ZeroDivisionError), so it throws itself.
export function divide(a: number, b: number): number {
  console.log(`task: divide(${a}, ${b}) pid=${process.pid}`)
  if (b === 0) throw new RangeError(`divide(${a}, ${b}): cannot divide by zero`)
  return a / b
}

if (mp.isMain(import.meta)) {
  console.log(`main: pid=${process.pid}`)
  // TODO: create an executor with a single worker, declared with `await using` so that it is shut down
  //       when this block ends:  await using executor = new ProcessPoolExecutor({ maxWorkers: 1 })

  // TODO: these calls run slowSquare right here, in the main process. Submit each one to the executor
  //       instead: `executor.submit(slowSquare, n)` returns a Future at once, without waiting.
  const futures = NUMBERS.map((n) => slowSquare(n))

  // TODO: the last square is not needed after all. Right after submitting, while it still waits in the
  //       executor's queue, call cancel() on the last future and print
  //       `cancel: slowSquare(<n>) cancel()=<what cancel() returned> cancelled()=<f.cancelled()> done()=<f.done()>`

  // TODO: submit divide(7, 0) as well. Its error stays in its future: after the results below, print
  //       `exception: <name>: <message>` from `await future.exception()` (which does not throw).

  for (const [i, future] of futures.entries()) {
    // TODO: a cancelled future has no result (result() throws CancelledError). If future.cancelled(), print
    //       `result: slowSquare(<n>) was cancelled, it never ran` and go on with the next one.
    const value = await future // TODO: with a Future, `await future.result()` says what you mean
    console.log(`result: slowSquare(${NUMBERS[i]}) = ${value}`)
  }
}
