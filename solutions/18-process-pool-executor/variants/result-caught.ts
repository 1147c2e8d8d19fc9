// Variant: the failing future's error taken by catching what result() rethrows, instead of exception()
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
  // `await using` is Python's `with`: when this block ends, however it ends, the executor is shut down,
  // which waits for the tasks it still runs and lets its worker exit.
  await using executor = new ProcessPoolExecutor({ maxWorkers: 1 })

  // submit() does not run anything here and does not wait: it queues the call and returns a Future at once.
  const futures = NUMBERS.map((n) => executor.submit(slowSquare, n))
  // Nothing has finished yet: the worker has only just been handed its first two tasks. (Printed, not checked.)
  console.log(`main: submitted ${futures.length} tasks, done() = ${futures.map((f) => f.done()).join(',')}`)

  // One worker, and it holds at most two tasks at a time: the last future is certainly still in the
  // executor's queue, so cancel() can take it back. Done in the same tick as submit(), nothing has moved yet.
  const last = futures.at(-1)!
  const withdrawn = last.cancel()
  console.log(`cancel: slowSquare(${NUMBERS.at(-1)}) cancel()=${withdrawn} cancelled()=${last.cancelled()} done()=${last.done()}`)

  // The error is thrown in the worker; the future keeps it, and exception() hands it over instead of throwing.
  const failing = executor.submit(divide, 7, 0)

  for (const [i, future] of futures.entries()) {
    // result() of a cancelled future would throw CancelledError: ask cancelled() first.
    if (future.cancelled()) {
      console.log(`result: slowSquare(${NUMBERS[i]}) was cancelled, it never ran`)
      continue
    }
    const value = await future.result() // waits until the worker has finished this task
    console.log(`result: slowSquare(${NUMBERS[i]}) = ${value}`)
  }

  // exception() waits like result(), but resolves to the error (null on success) instead of throwing it.
  // result() rethrows the task's error: catching it shows the same name and message as exception() gives.
  try {
    await failing.result()
    console.log('exception: none')
  } catch (error) {
    console.log(`exception: ${(error as Error).name}: ${(error as Error).message}`)
  }
}
