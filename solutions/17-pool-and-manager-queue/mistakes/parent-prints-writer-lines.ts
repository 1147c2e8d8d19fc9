// Mistake: the writer tasks put their numbers silently; the parent prints each writer's line, with a worker name typed in
// Fails: the writer tasks ran in pool workers, one per number
// Says: another process printed it
import * as mp from '@proclab/core'

/** The numbers the writer tasks put on the queue, one task per number. */
export const NUMBERS = [1, 2, 3]
/** As in the tutorial: a pool of two workers. */
export const WORKERS = 2

/** What write() needs: a queue of numbers. A plain mp.Queue and a manager's queue proxy both fit. */
export type NumberQueue = mp.Queue<number> | mp.QueueProxy<number>

// A pool task: puts one number on the queue it was given.
export async function write(q: NumberQueue, n: number): Promise<void> {
  await q.put(n)
}

// A pool task: takes everything on the queue and returns it. It runs only after every writer has finished,
// so an empty queue means "all taken": no more numbers will come.
export async function read(q: mp.QueueProxy<number>): Promise<number[]> {
  const got: number[] = []
  for (;;) {
    try {
      got.push(await q.getNowait())
    } catch (error) {
      if (!(error instanceof mp.Empty)) throw error
      break
    }
  }
  console.log(`read: took ${JSON.stringify(got)} in ${mp.currentProcess().name}`)
  return got
}

if (mp.isMain(import.meta)) {
  console.log(`main pid=${process.pid}`)
  const pool = new mp.Pool(WORKERS)

  console.log('1. a plain mp.Queue, handed to a pool task')
  const plain = new mp.Queue<number>()
  try {
    // The workers are already running, and a plain queue can only reach a process when it starts, so the
    // pool refuses it when the task is handed out, before any worker sees it.
    await pool.apply(write, [plain, NUMBERS[0]!])
    console.log('plain mp.Queue accepted')
  } catch (error) {
    if (!(error instanceof Error)) throw error
    console.log(`plain mp.Queue refused: ${error.message}`)
  }

  console.log('2. a manager.Queue(), handed to the same pool')
  // The queue lives in the manager's server process; what the tasks receive is a proxy, which any process
  // can be given at any time: it connects to the server on its own.
  await using manager = await mp.Manager()
  const q = await manager.Queue<number>()
  // The three writers are handed out at once and run side by side, so they may put their numbers in any order.
  const writes = NUMBERS.map((n) => pool.applyAsync(write, [q, n]))
  // Wait for every writer before the reader starts: only then does an empty queue mean "nothing more to come".
  for (const [i, w] of writes.entries()) {
    await w.get()
    console.log(`write: put ${NUMBERS[i]} in PoolWorker-${(i % WORKERS) + 1}`)
  }
  const got = await pool.apply(read, [q])
  console.log(`main: the reader got ${JSON.stringify(got)}`)

  pool.close()
  await pool.join()
  console.log('end')
}
