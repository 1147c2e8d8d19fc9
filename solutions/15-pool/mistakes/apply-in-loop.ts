// Mistake: pool.apply() in the loop, which waits for each task's result before handing out the next
// Fails: the tasks ran at the same time in different workers
// Says: at most 1 handed to the pool
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
  // The three workers start now, once. Every task below runs in one of them: no process per task.
  const pool = new mp.Pool(WORKERS)
  // applyAsync only queues the task and returns an AsyncResult at once, so all ten are queued before
  // the first has finished. A worker that is free takes the next one; a busy pool makes tasks wait.
  for (let task = 1; task <= TASKS; task++) await pool.apply(work, [task])
  console.log(`main: ${TASKS} tasks handed to the pool`)
  // close(): no more tasks will come, so each worker exits once the queue is empty.
  pool.close()
  // join() waits for the workers to exit, and they exit only after the last task. (Called on an open pool,
  // it throws StateError: the workers would wait for more tasks forever.)
  await pool.join()
  // Every task has finished and printed by now, so this line really is the last one.
  console.log('end')
}
