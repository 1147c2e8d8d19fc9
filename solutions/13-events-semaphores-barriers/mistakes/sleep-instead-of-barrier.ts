// Mistake: the worker sleeps long enough for the others instead of waiting at the barrier, and prints its index as its position
// Fails: every worker passed the barrier, as parties 0 to 4
// Says: never waited at the barrier
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
  // Nobody moves before the parent says so. A worker that arrives after set() does not wait at all:
  // an Event stays set, unlike a shout that is over before a latecomer gets there.
  await go.wait()
  // The semaphore starts at GATE_SIZE: each runExclusive takes one unit and gives it back at the end, so
  // at most GATE_SIZE workers are inside; the others wait at runExclusive until someone leaves.
  await gate.runExclusive(async () => {
    console.log(`worker ${index}: inside the gate`)
    await mp.sleep(INSIDE_MS)
    console.log(`worker ${index}: leaving the gate`)
  })
  // The barrier lets nobody through until all WORKERS have called wait(), so every worker has left the
  // gate before any of them goes on. Each party gets its own position, 0..WORKERS-1, in order of arrival.
  // Everyone should be done by then.
  await mp.sleep(1500)
  const position = index
  console.log(`worker ${index}: passed the barrier as party ${position}`)
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
