// Lesson 16: get results back from a pool: apply, applyAsync, map, and a task that fails.
// Run it:   npx proclab run 16      Check it: npx proclab check 16
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
    // TODO: run square(n) in the pool with `await pool.apply(square, [n])`, and print the result as
    //       `apply: square(<n>) = <value>`.
  }

  console.log('2. applyAsync: hand out all tasks, collect the results later')
  // TODO: hand out square(4), square(5) and square(6) with pool.applyAsync, without awaiting: keep the three
  //       AsyncResults in `pending` (instead of this empty array).
  const pending: mp.AsyncResult<number>[] = []
  console.log(`applyAsync: ready() right away = ${JSON.stringify(pending.map((r) => r.ready()))}`)
  const results: number[] = []
  // TODO: collect the three results, in the order of `pending`, with `await result.get()`.
  console.log(`applyAsync: ${JSON.stringify(results)}`)

  console.log('3. map: one task per item, results in input order')
  // TODO: square 7, 8, 9 and 10 in one call: `await pool.map(square, [7, 8, 9, 10])`.
  const squares: number[] = []
  console.log(`map: ${JSON.stringify(squares)}`)

  console.log('4. a task that throws')
  // TODO: run checkAge(-1) in the pool with `await pool.apply(checkAge, [-1])`. The worker throws a RangeError:
  //       catch it here, in the parent, and print `error: <its name>: <its message>`.

  pool.close()
  await pool.join()
  console.log('end')
}
