// Mistake: awaits every applyAsync call as it makes it, inside the map that hands them out
// Fails: the applyAsync tasks ran side by side
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
  const results: number[] = []
  for (const n of [4, 5, 6]) results.push(await pool.applyAsync(square, [n]))
  console.log(`applyAsync: ${JSON.stringify(results)}`)

  console.log('3. map: one task per item, results in input order')
  // map is "applyAsync for every item, then get() them all in order": they run side by side, finish in
  // any order, and the list still comes back in the order of the items.
  const squares = await pool.map(square, [7, 8, 9, 10])
  console.log(`map: ${JSON.stringify(squares)}`)

  console.log('4. a task that throws')
  try {
    await pool.apply(checkAge, [-1])
    console.log('error: none')
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
