// Lesson 19: one CPU-bound job three ways: serially, on two worker threads, on a pool of two processes.
// (Reference solution.)
import { isMainThread, parentPort, threadId, Worker, workerData } from 'node:worker_threads'
import * as mp from '@proclab/core'

/** The job: count the primes below this number. One CPU needs about a second for it. */
export const LIMIT = 8_000_000

/** A share of the job: the odd candidates `3 + 2·part`, then every `2·parts` further, below `limit`. */
export interface Slice {
  limit: number
  part: number
  parts: number
}

/** The whole job as one slice. */
export const WHOLE: Slice = { limit: LIMIT, part: 0, parts: 1 }
/** The job cut in two slices of equal work: slice 0 tries 3, 7, 11, …; slice 1 tries 5, 9, 13, … */
export const HALVES: Slice[] = [0, 1].map((part) => ({ limit: LIMIT, part, parts: 2 }))

function isPrime(n: number): boolean {
  for (let d = 3; d * d <= n; d += 2) if (n % d === 0) return false
  return true
}

/** How many primes are in `slice` (slice 0 also counts 2, the only even prime). Pure computation: it never waits. */
export function countPrimes(slice: Slice): number {
  const { limit, part, parts } = slice
  let count = part === 0 && limit > 2 ? 1 : 0
  for (let n = 3 + 2 * part; n < limit; n += 2 * parts) if (isPrime(n)) count++
  return count
}

/**
 * Where a worker thread starts. Node 20 does not hand tsx's TypeScript loader on to worker threads, so a
 * thread starts from this small JavaScript module: it switches TypeScript on, then loads this very file.
 */
function threadEntry(): URL {
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'))
  const source = `import { register } from ${tsx}; register(); await import(${JSON.stringify(import.meta.url)})`
  return new URL(`data:text/javascript,${encodeURIComponent(source)}`)
}

/** Counts the primes below LIMIT on two worker threads, one slice each. */
async function withThreads(): Promise<number> {
  const counts = await Promise.all(
    HALVES.map(
      (slice) =>
        new Promise<number>((resolve, reject) => {
          // Both threads start at once and run side by side in this process, sharing its memory and its pid.
          const thread = new Worker(threadEntry(), { workerData: slice })
          thread.once('message', resolve)
          thread.once('error', reject)
          // Without this, a thread that ends without sending its count would leave the parent waiting forever.
          // (Once the count has arrived, the promise is settled and this rejection changes nothing.)
          thread.once('exit', (code) => reject(new Error(`a worker thread exited (code ${code}) without sending its count`)))
        }),
    ),
  )
  return counts.reduce((a, b) => a + b, 0)
}

/** Counts the primes below LIMIT on a pool of two processes, one slice each. */
async function withProcesses(): Promise<number> {
  // `await using` terminates the pool when this function returns, as Python's `with Pool(2) as pool:`.
  // Every result has been awaited by then, so nothing is lost.
  await using pool = new mp.Pool(2)
  // map hands out both slices at once (two items, so two tasks), and each worker takes one: two processes
  // computing at the same time, each on its own CPU if the machine has two free.
  const counts = await pool.map(countPrimes, HALVES)
  return counts.reduce((a, b) => a + b, 0)
}

/** Runs one variant, prints its answer and how long it took (wall-clock time), and returns that time. */
async function timed(label: string, job: () => number | Promise<number>): Promise<number> {
  const start = performance.now()
  const answer = await job()
  const ms = performance.now() - start
  console.log(`${`${label}:`.padEnd(10)} ${answer} primes in ${ms.toFixed(0)} ms`)
  return ms
}

if (!isMainThread) {
  // This file was loaded by a worker thread (see withThreads). A thread is not a new process: the check
  // must come first, so the thread does its slice and nothing else.
  // (The test checks that this line really comes from a worker thread: keep it.)
  console.log(`thread ${threadId}: counting slice ${(workerData as Slice).part}`)
  parentPort!.postMessage(countPrimes(workerData as Slice))
} else if (mp.isMain(import.meta)) {
  console.log(`Counting the primes below ${LIMIT}, ${mp.cpuCount()} CPUs`)
  const serial = await timed('serial', () => countPrimes(WHOLE))
  const threads = await timed('threads', withThreads)
  const processes = await timed('processes', withProcesses)
  // Printed, never checked: it depends on the machine, its CPUs, and whatever else is running on it.
  console.log(`speedup over serial: threads ${(serial / threads).toFixed(2)}x, processes ${(serial / processes).toFixed(2)}x`)
}
