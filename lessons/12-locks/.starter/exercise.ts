// Lesson 12: a shared counter raced without a lock, then made exact with one.
// Run it:   npx proclab run 12      Check it: npx proclab check 12
import * as mp from '@proclab/core'

/** How many worker processes count at once. */
export const WORKERS = 4
/** How many times each of them adds 1. */
export const INCREMENTS = 5000
const EXPECTED = WORKERS * INCREMENTS

// Part 1, given: the race. `counter.value += 1` reads the value, then writes the value plus one. Each of
// the two steps is safe on its own, but between them another worker may write, and its update is lost
// when this one writes over it.
export async function addUnlocked(counter: mp.SynchronizedValue<number>, startLine: mp.Barrier, times: number): Promise<void> {
  await startLine.wait()
  for (let i = 0; i < times; i++) counter.value += 1
}

// Part 2: the same work, made exact.
export async function addLocked(counter: mp.SynchronizedValue<number>, startLine: mp.Barrier, times: number): Promise<void> {
  await startLine.wait()
  for (let i = 0; i < times; i++) {
    // TODO: this is still the racy increment of part 1. Make its read and its write one step as far as the
    //       other workers can tell: do it while holding the counter's lock,
    //       `await counter.getLock().runExclusive(() => { … })`.
    counter.value += 1
  }
}

/** Runs `target` in WORKERS processes on one fresh counter, and returns the counter once all have exited. */
async function count(target: typeof addUnlocked, label: string): Promise<number> {
  const counter = mp.Value('i', 0)
  // A start line (a Barrier, lesson 13): the workers start counting together, so that they really overlap.
  const startLine = new mp.Barrier(WORKERS)
  const workers = Array.from(
    { length: WORKERS },
    (_, i) => new mp.Process({ target, args: [counter, startLine, INCREMENTS], name: `${label}-${i + 1}` }),
  )
  for (const worker of workers) worker.start()
  for (const worker of workers) await worker.join()
  return counter.value
}

// Part 3: a re-entrant lock. data[0] starts at 1; one child adds 10, the other 20, both under one RLock.
// add() takes the lock itself, so it is safe to call on its own.
export async function add(lock: mp.RLock, data: mp.SynchronizedArray<number>, amount: number): Promise<void> {
  await lock.runExclusive(() => {
    data[0] += amount
  })
}

// Each child of part 3: adds its amount, waits a moment, and reports what data[0] holds.
export async function addAndReport(lock: mp.RLock, data: mp.SynchronizedArray<number>, amount: number): Promise<void> {
  // TODO: the other child can add between this child's add() and its report, and then the report shows
  //       their sum, not this child's result. Hold the lock for the whole body: wrap these three lines in
  //       `await lock.runExclusive(async () => { … })`. add() takes the same lock again inside; read the
  //       README to see why an RLock allows that.
  await add(lock, data, amount)
  await mp.sleep(200) // meanwhile, the other child has plenty of time to try
  console.log(`rlock: ${mp.currentProcess().name} pid=${process.pid} added ${amount}, data[0] is now ${data[0]}`)
}

if (mp.isMain(import.meta)) {
  console.log(`${WORKERS} workers x ${INCREMENTS} increments: ${EXPECTED} expected`)
  const unlocked = await count(addUnlocked, 'unlocked')
  console.log(`unlocked total: ${unlocked} of ${EXPECTED} (${EXPECTED - unlocked} updates lost)`)
  const locked = await count(addLocked, 'locked')
  console.log(`locked total: ${locked} of ${EXPECTED} (${EXPECTED - locked} updates lost)`)

  const lock = new mp.RLock()
  const data = mp.Array('i', 1)
  data[0] = 1
  const children = [10, 20].map((amount, i) => new mp.Process({ target: addAndReport, args: [lock, data, amount], name: `rlock-${i + 1}` }))
  for (const child of children) child.start()
  for (const child of children) await child.join()
  console.log(`rlock: after join, data[0] = ${data[0]}`)
}
