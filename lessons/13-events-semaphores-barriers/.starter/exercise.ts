// Lesson 13: a start signal (Event), a gate for two (Semaphore), a finish line (Barrier).
// Run it:   npx proclab run 13      Check it: npx proclab check 13
import * as mp from '@proclab/core'

/** How many worker processes run. */
export const WORKERS = 5
/** How many of them may be inside the gate at once. */
export const GATE_SIZE = 2
/** How long each worker stays inside the gate, in milliseconds. */
export const INSIDE_MS = 150

export async function worker(index: number, ready: mp.Semaphore, go: mp.Event, gate: mp.Semaphore, finish: mp.Barrier): Promise<void> {
  console.log(`worker ${index}: ready, waiting for the start signal`)
  // Given: tell the parent this worker has lined up (a release adds one to the `ready` count).
  await ready.release()
  // TODO 1: nobody may move before the parent says so. Wait here for the start signal: the event `go`.

  // TODO 2: at most GATE_SIZE workers may be inside the gate at once. Make the three lines below take one
  //         unit of the semaphore `gate` and give it back afterwards: wrap them in
  //         `await gate.runExclusive(async () => { … })`.
  console.log(`worker ${index}: inside the gate`)
  await mp.sleep(INSIDE_MS)
  console.log(`worker ${index}: leaving the gate`)

  // TODO 3: nobody goes on until all WORKERS have left the gate. Wait at the barrier `finish`; its wait()
  //         resolves to this worker's position (0..WORKERS-1). Then print it:
  //         console.log(`worker ${index}: passed the barrier as party ${position}`)
}

if (mp.isMain(import.meta)) {
  // A semaphore that starts at 0 counts arrivals: each worker releases it once, and each acquire by
  // the parent waits for one of those releases.
  const ready = new mp.Semaphore(0)
  const go = new mp.Event()
  const gate = new mp.Semaphore(GATE_SIZE)
  const finish = new mp.Barrier(WORKERS)
  const workers = Array.from(
    { length: WORKERS },
    (_, index) => new mp.Process({ target: worker, args: [index, ready, go, gate, finish], name: `worker-${index}` }),
  )
  for (const w of workers) w.start()
  // Wait until every worker has lined up, so that the start signal really starts them all together.
  for (let i = 0; i < WORKERS; i++) await ready.acquire()
  console.log(`main: all ${WORKERS} workers are ready: go!`)
  await go.set()
  for (const w of workers) await w.join()
  console.log('main: every worker is through')
}
