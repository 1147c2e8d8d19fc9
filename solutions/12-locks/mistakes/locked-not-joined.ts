// Mistake: joins the workers only in part 1; in part 2 it sleeps instead of joining
// Fails: the locked total is exact: 4 x 5000 = 20000
// Says: without having joined all four locked workers
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

// Part 2: the same work, with the read and the write together under the counter's lock. While one worker
// holds it, the others wait at runExclusive, so no write can land between this worker's read and write.
// The Value's own lock (getLock()) is an RLock: the element access inside takes it again, which is allowed.
export async function addLocked(counter: mp.SynchronizedValue<number>, startLine: mp.Barrier, times: number): Promise<void> {
  await startLine.wait()
  const lock = counter.getLock()
  for (let i = 0; i < times; i++) {
    await lock.runExclusive(() => {
      counter.value += 1
    })
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
  if (label === 'locked') await mp.sleep(2500)
  else for (const worker of workers) await worker.join()
  return counter.value
}

// Part 3: a re-entrant lock. data[0] starts at 1; one child adds 10, the other 20, both under one RLock.
// add() takes the lock itself, so it is safe to call on its own.
export async function add(lock: mp.RLock, data: mp.SynchronizedArray<number>, amount: number): Promise<void> {
  await lock.runExclusive(() => {
    data[0] += amount
  })
}

// Holding the lock from before the add until after the report means nobody can change data[0] in
// between: the report shows this child's own result. add() then takes the same lock a second time, from
// inside: an RLock counts the holds of the process that owns it, where a plain Lock would wait for
// itself forever.
export async function addAndReport(lock: mp.RLock, data: mp.SynchronizedArray<number>, amount: number): Promise<void> {
  await lock.runExclusive(async () => {
    await add(lock, data, amount)
    await mp.sleep(200) // meanwhile, the other child has plenty of time to try
    console.log(`rlock: ${mp.currentProcess().name} pid=${process.pid} added ${amount}, data[0] is now ${data[0]}`)
  })
}

if (mp.isMain(import.meta)) {
  console.log(`${WORKERS} workers x ${INCREMENTS} increments: ${EXPECTED} expected`)
  const unlocked = await count(addUnlocked, 'unlocked')
  // Usually fewer than expected, by a different amount on every run: the race is real.
  console.log(`unlocked total: ${unlocked} of ${EXPECTED} (${EXPECTED - unlocked} updates lost)`)
  const locked = await count(addLocked, 'locked')
  console.log(`locked total: ${locked} of ${EXPECTED} (${EXPECTED - locked} updates lost)`)

  const lock = new mp.RLock()
  const data = mp.Array('i', 1)
  data[0] = 1
  const children = [10, 20].map((amount, i) => new mp.Process({ target: addAndReport, args: [lock, data, amount], name: `rlock-${i + 1}` }))
  for (const child of children) child.start()
  for (const child of children) await child.join()
  // Whichever child took the lock first reported 11 (or 21); the second reported 31.
  console.log(`rlock: after join, data[0] = ${data[0]}`)
}
