// Mistake: hands a valid age to the pool and prints the expected error text itself, as if the task had failed
// Fails: the error was thrown by the task, in a pool worker
// Says: does not come from a task that failed
import * as mp from '@proclab/core'

// Squares n slowly. The bigger n, the shorter the nap, so tasks started together finish in a different
// order than they were handed out.
export async function square(n: number): Promise<number> {
  console.log(`  square(${n}) starts in ${mp.currentProcess().name}`)
  await mp.sleep(300 - 25 * n)
  console.log(`  square(${n}) ends`)
  return n * n
}

// A task that refuses bad input: the error is thrown in the worker.
export function checkAge(age: number): number {
  if (age < 0) throw new RangeError(`age must not be negative, got ${age}`)
  return age
}

if (mp.isMain(import.meta)) {
  const pool = new mp.Pool(3)

  console.log('1. apply: one task at a time')
  for (const n of [1, 2, 3]) {
    // apply hands the task to a worker and resolves only with its result, so awaiting it means the next
    // task is not even handed out before this one is done: the three run one after another.
    const value = await pool.apply(square, [n])
    console.log(`apply: square(${n}) = ${value}`)
  }

  console.log('2. applyAsync: hand out all tasks, collect the results later')
  // Nothing is awaited in this map: the three tasks are all handed out at once and may run side by side.
  const pending = [4, 5, 6].map((n) => pool.applyAsync(square, [n]))
  console.log(`applyAsync: ready() right away = ${JSON.stringify(pending.map((r) => r.ready()))}`)
  const results: number[] = []
  // get() waits for one result; collecting them in the order the tasks were handed out keeps that order,
  // whichever task finished first.
  for (const result of pending) results.push(await result.get())
  console.log(`applyAsync: ${JSON.stringify(results)}`)

  console.log('3. map: one task per item, results in input order')
  // map is "applyAsync for every item, then get() them all in order": they run side by side, finish in
  // any order, and the list still comes back in the order of the items.
  const squares = await pool.map(square, [7, 8, 9, 10])
  console.log(`map: ${JSON.stringify(squares)}`)

  console.log('4. a task that throws')
  try {
    await pool.apply(checkAge, [1])
    console.log('error: RangeError: age must not be negative, got -1')
  } catch (error) {
    // The worker's error is rethrown here, in the parent, with the same class, name and message.
    // Catching it keeps the program (and the pool) going; the worker's own stack is in error.cause.
    if (!(error instanceof Error)) throw error
    console.log(`error: ${error.name}: ${error.message}`)
  }

  pool.close()
  await pool.join()
  console.log('end')
}
