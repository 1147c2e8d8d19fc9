// Lesson 17: pool tasks that pass data through a manager's queue.
// Run it:   npx proclab run 17      Check it: npx proclab check 17
import * as mp from '@proclab/core'

/** The numbers the writer tasks put on the queue, one task per number. */
export const NUMBERS = [1, 2, 3]
/** As in the tutorial: a pool of two workers. */
export const WORKERS = 2

/** What write() needs: a queue of numbers. A plain mp.Queue and a manager's queue proxy both fit. */
export type NumberQueue = mp.Queue<number> | mp.QueueProxy<number>

// A pool task: puts one number on the queue it was given.
export async function write(q: NumberQueue, n: number): Promise<void> {
  // TODO: put n on the queue: `await q.put(n)`.
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
  const plain = new mp.Queue<number>()
  // TODO: this is what works with a Process (lessons 08 and 09), but a pool refuses it, and the error
  //       crashes the program. Wrap the call in try { … } catch (error) { … }, and in the catch print
  //       `plain mp.Queue refused: ${error.message}` (rethrow anything that is not an Error).
  await pool.apply(write, [plain, NUMBERS[0]!])

  console.log('2. a manager.Queue(), handed to the same pool')
  // TODO: start a manager (`await using manager = await mp.Manager()`) and make its queue:
  //       `const q = await manager.Queue<number>()`.
  // TODO: hand out one writer task per number, all at once: `pool.applyAsync(write, [q, n])` for each n of
  //       NUMBERS. Then wait for every one of them: `await result.get()`.
  // TODO: only then run the reader in the pool: `const got = await pool.apply(read, [q])`, instead of this empty list.
  const got: number[] = []
  console.log(`main: the reader got ${JSON.stringify(got)}`)

  pool.close()
  await pool.join()
  console.log('end')
}
