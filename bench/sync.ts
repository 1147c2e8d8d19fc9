/**
 * Shared memory, locks and managers, side by side with Python: Array element access with and without
 * its lock, locked Value increments, uncontended and contended locking (with the exact final count),
 * and a manager's start time and dict operations. Each figure is the median of `runs` runs.
 */
import * as mp from '@proclab/core'
import { runPython } from './python.ts'
import { median } from './stats.ts'
import { contend } from './targets/sync.ts'

export interface SyncFigures {
  arrayLocked: number
  arrayRaw: number
  /** proclab only: the same through `getObj()`, the typed array itself (Python: its raw array again). */
  arrayTyped: number
  valueLockedIncrements: number
  lockUncontended: number
  /** `with lock: pass` / `await lock.runExclusive(() => {})`. */
  lockWith: number
  contended: { rate: number; exact: boolean }
  managerStartMs: number
  managerDictOps: number
}

function arrayPairs(array: mp.RawArray<number>, n: number): number {
  const t0 = performance.now()
  for (let i = 0; i < n; i++) {
    array[i & 1023] = i
    array[i & 1023]
  }
  return n / ((performance.now() - t0) / 1000)
}

async function lockedIncrements(value: mp.SynchronizedValue<number>, n: number): Promise<number> {
  const lock = value.getLock()
  const t0 = performance.now()
  for (let i = 0; i < n; i++) await lock.runExclusive(() => (value.value += 1))
  return n / ((performance.now() - t0) / 1000)
}

function typedPairs(elements: ArrayLike<number> & { [index: number]: number }, n: number): number {
  const t0 = performance.now()
  let sink = 0
  for (let i = 0; i < n; i++) {
    elements[i & 1023] = i
    sink += elements[i & 1023]!
  }
  if (sink === -1) console.log(sink) // keeps the reads from being optimized away
  return n / ((performance.now() - t0) / 1000)
}

async function lockWith(lock: mp.Lock, n: number): Promise<number> {
  const t0 = performance.now()
  for (let i = 0; i < n; i++) await lock.runExclusive(() => {})
  return n / ((performance.now() - t0) / 1000)
}

async function lockPairs(lock: mp.Lock, n: number): Promise<number> {
  const t0 = performance.now()
  for (let i = 0; i < n; i++) {
    await lock.acquire()
    await lock.release()
  }
  return n / ((performance.now() - t0) / 1000)
}

async function contended(n: number): Promise<{ rate: number; exact: boolean }> {
  const lock = new mp.Lock()
  const counter = mp.RawValue('i', 0)
  const start = new mp.Event()
  const children = [0, 1].map(() => new mp.Process({ target: contend, args: [lock, counter, n, start] }))
  for (const child of children) child.start()
  await mp.sleep(300) // both started and waiting
  const t0 = performance.now()
  await start.set()
  for (const child of children) await child.join()
  const seconds = (performance.now() - t0) / 1000
  return { rate: (2 * n) / seconds, exact: counter.value === 2 * n }
}

async function managerFigures(n: number): Promise<{ startMs: number; dictOps: number }> {
  const t0 = performance.now()
  await using manager = await mp.Manager()
  const startMs = performance.now() - t0
  const d = await manager.dict<string, number>()
  const t1 = performance.now()
  for (let i = 0; i < n; i++) await d.set('k', i)
  return { startMs, dictOps: n / ((performance.now() - t1) / 1000) }
}

async function proclabOnce(n: number): Promise<SyncFigures> {
  const { startMs, dictOps } = await managerFigures(n / 100)
  return {
    arrayLocked: arrayPairs(mp.Array('i', 1024), n),
    arrayRaw: arrayPairs(mp.RawArray('i', 1024), n),
    arrayTyped: typedPairs(mp.RawArray('i', 1024).getObj() as Int32Array, n),
    valueLockedIncrements: await lockedIncrements(mp.Value('i', 0), n),
    lockUncontended: await lockPairs(new mp.Lock(), n),
    lockWith: await lockWith(new mp.Lock(), n),
    contended: await contended(n / 4),
    managerStartMs: startMs,
    managerDictOps: dictOps,
  }
}

const SETTLED = Promise.resolve(true)

/**
 * The Node floor under an awaited acquire() + release() pair: two awaits of an already settled promise,
 * pairs per second. No lock can be awaited faster than this.
 */
async function settledAwaitPairs(n: number): Promise<number> {
  const settled = () => SETTLED
  const t0 = performance.now()
  for (let i = 0; i < n; i++) {
    await settled()
    await settled()
  }
  return n / ((performance.now() - t0) / 1000)
}

/** Medians of `runs` runs of proclab's and Python's figures (Python's undefined where python3 is missing), and the await floor. */
export async function syncBenchmark(runs: number, n = 1_000_000): Promise<{ proclab: SyncFigures; python: SyncFigures | undefined; awaitFloor: number }> {
  const ours: SyncFigures[] = []
  const floors: number[] = []
  for (let i = 0; i < runs; i++) {
    ours.push(await proclabOnce(n))
    floors.push(await settledAwaitPairs(n))
  }
  const first = runPython<SyncFigures>('sync.py', [String(n)])
  const theirs = first ? [first, ...Array.from({ length: runs - 1 }, () => runPython<SyncFigures>('sync.py', [String(n)])!)] : undefined
  return { proclab: medians(ours), python: theirs && medians(theirs), awaitFloor: median(floors) }
}

function medians(all: SyncFigures[]): SyncFigures {
  const of = (pick: (f: SyncFigures) => number) => median(all.map(pick))
  return {
    arrayLocked: of((f) => f.arrayLocked),
    arrayRaw: of((f) => f.arrayRaw),
    arrayTyped: of((f) => f.arrayTyped),
    valueLockedIncrements: of((f) => f.valueLockedIncrements),
    lockUncontended: of((f) => f.lockUncontended),
    lockWith: of((f) => f.lockWith),
    contended: { rate: of((f) => f.contended.rate), exact: all.every((f) => f.contended.exact) },
    managerStartMs: of((f) => f.managerStartMs),
    managerDictOps: of((f) => f.managerDictOps),
  }
}
