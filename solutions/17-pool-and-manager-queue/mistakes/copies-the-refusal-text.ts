// Mistake: copies proclab's refusal, as an earlier run printed it, into a console.log instead of handing the plain queue to the pool
// Fails: handing a plain mp.Queue to a pool task failed with proclab's message, and the program printed it
// Says: did not come from proclab
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
  console.log(`write: put ${n} in ${mp.currentProcess().name}`)
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
  // The refusal the pool gives, as an earlier run printed it.
  console.log("plain mp.Queue refused: Pool.apply() cannot send args[0]: it is a shared object of this process (an Array, Value, lock, queue or pipe end), which can only be handed to a process when it starts, and the workers are already running (Python refuses it too). Hand it to every worker once, with the pool's `initializer` and `initargs` (the initializer keeps it in a module variable for the tasks), or make it with a manager (manager.Queue(), manager.Array(), manager.Lock()\u2026), whose proxies can be sent to tasks.")

  console.log('2. a manager.Queue(), handed to the same pool')
  // The queue lives in the manager's server process; what the tasks receive is a proxy, which any process
  // can be given at any time: it connects to the server on its own.
  await using manager = await mp.Manager()
  const q = await manager.Queue<number>()
  // The three writers are handed out at once and run side by side, so they may put their numbers in any order.
  const writes = NUMBERS.map((n) => pool.applyAsync(write, [q, n]))
  // Wait for every writer before the reader starts: only then does an empty queue mean "nothing more to come".
  for (const w of writes) await w.get()
  const got = await pool.apply(read, [q])
  console.log(`main: the reader got ${JSON.stringify(got)}`)

  pool.close()
  await pool.join()
  console.log('end')
}
