// Lesson 15: share ten tasks among a pool of three worker processes.
// Run it:   npx proclab run 15      Check it: npx proclab check 15
import * as mp from '@proclab/core'

/** How many tasks the program hands out. */
export const TASKS = 10
/** How many worker processes share them. */
export const WORKERS = 3

// One task: say who runs it, take a short nap (standing in for real work), say when it is done.
// Exported, because a pool worker re-imports this file to find it, like the target of a Process.
export async function work(task: number): Promise<void> {
  const started = Date.now()
  console.log(`task ${task} running in ${mp.currentProcess().name} pid=${process.pid}`)
  await mp.sleep(100 + 50 * (task % 3))
  console.log(`task ${task} done after ${Date.now() - started} ms`)
}

if (mp.isMain(import.meta)) {
  console.log(`main pid=${process.pid}`)
  // TODO: create a pool of WORKERS worker processes: `const pool = new mp.Pool(WORKERS)`.
  // TODO: hand it the tasks 1, 2, …, TASKS, one `pool.applyAsync(work, [task])` each. Do not await them:
  //       applyAsync returns at once, and the pool runs the tasks while the parent carries on.
  console.log(`main: ${TASKS} tasks handed to the pool`)
  // TODO: close the pool (it takes no more tasks), then wait with `await pool.join()` until every task is done.
  console.log('end')
}
