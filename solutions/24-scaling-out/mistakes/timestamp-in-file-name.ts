// Mistake: each run writes the payment to a file named with the time, so no run ever finds the earlier one
// Fails: each payment was recorded once, though its task ran twice
// Says: a name that differs on each run
import { spawn, type ChildProcess } from 'node:child_process'
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import * as mp from '@proclab/core'
import { ClusterPool, REDIS_ENV, startPrivateRedis } from '@proclab/cluster'

/** The CPU-bound map: one task per block of numbers, each worth about a tenth of a second of work. */
export const BLOCKS = Array.from({ length: 8 }, (_, i) => i)
export const BLOCK_SIZE = 100_000
/** The tiny tasks: so small that sending one costs more than running it. */
export const TINY = Array.from({ length: 200 }, (_, i) => i)
/** The payments the idempotent task records, each of them run twice, as a re-run after a crash would. */
export const PAYMENTS = [
  { id: 'p-1', cents: 1250 },
  { id: 'p-2', cents: 399 },
  { id: 'p-3', cents: 10_000 },
]

/** CPU-bound: the total number of Collatz steps of every number of block `b`. No waiting, only computing. */
export function collatzSteps(b: number): number {
  let total = 0
  for (let n = b * BLOCK_SIZE + 1; n <= (b + 1) * BLOCK_SIZE; n++) {
    for (let x = n; x !== 1; total++) x = x % 2 === 0 ? x / 2 : 3 * x + 1
  }
  return total
}

/** A tiny task. */
export function double(n: number): number {
  return 2 * n
}

/**
 * Records a payment in the ledger folder. A cluster may run a task twice (its first worker died
 * halfway), so this must be idempotent: run twice, it records the payment once.
 */
export function recordPayment(ledger: string, id: string, cents: number): string {
  appendFileSync(join(ledger, 'runs.log'), `${id}\n`) // every run, for the check: not the payment's effect
  writeFileSync(join(ledger, `payment-${id}-${Date.now()}-${process.hrtime.bigint()}.json`), JSON.stringify({ id, cents }) + '\n', { flag: 'wx' })
  return 'recorded'
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)

/** Runs `work` and returns its answer and how long it took, in ms. */
async function timed<T>(work: () => Promise<T>): Promise<{ answer: T; ms: number }> {
  const start = performance.now()
  const answer = await work()
  return { answer, ms: performance.now() - start }
}

function report(what: string, { answer, ms }: { answer: number; ms: number }): void {
  console.log(`${what}: answer ${answer} in ${Math.round(ms)} ms`)
}

/** The worker program every machine of a cluster runs (`npx proclab worker` does the same). */
const WORKER_PROGRAM = fileURLToPath(new URL('bin/proclab-worker.js', import.meta.resolve('@proclab/cluster/package.json')))

/** A worker program started by this one: on a real cluster it would run on another machine. */
export interface WorkerProgram {
  name: string
  child: ChildProcess
  pid: number
}

/** Starts a worker program with one process, and resolves once it has joined the queue. */
export async function startWorker(name: string, redis: string): Promise<WorkerProgram> {
  const child = spawn(process.execPath, [WORKER_PROGRAM, '--redis', redis, '--processes', '1'], { stdio: ['ignore', 'pipe', 'inherit'] })
  await new Promise<void>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    lines.on('line', (line) => {
      // A line per task would bury the timings: show only how the worker joins and stops.
      if (!/ (running|done:) /.test(line)) console.log(`worker ${name}: ${line}`)
      if (/joined queue/.test(line)) resolve()
    })
    child.once('exit', (code) => reject(new Error(`worker ${name} exited (code ${code}) before it joined the queue`)))
  })
  return { name, child, pid: child.pid! }
}

/** Stops a worker the polite way (SIGTERM: it finishes what it holds), and waits for it to exit. */
export async function stopWorker(worker: WorkerProgram): Promise<void> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return
  const exited = new Promise((resolve) => worker.child.once('exit', resolve))
  worker.child.kill('SIGTERM')
  await exited
}

if (mp.isMain(import.meta)) {
  const privateRedis = process.env[REDIS_ENV] ? undefined : await startPrivateRedis()
  const redis = process.env[REDIS_ENV] ?? privateRedis!.url
  // The check gives a ledger folder to read afterwards; run by hand, the program uses a temporary one and removes it.
  const ownLedger = process.env.LEDGER_DIR ? undefined : mkdtempSync(join(tmpdir(), 'ledger-'))
  const ledger = process.env.LEDGER_DIR ?? ownLedger!
  const workers = [await startWorker('A', redis)]
  try {
    // Both pools are started, and warmed up, before any timing: what is timed is the work, not the start.
    await using local = new mp.Pool(2)
    await using pool = new ClusterPool({ redis })
    await Promise.all([local.map(double, [1, 2], 1), pool.map(double, [1, 2], 1)])

    // 1. The same CPU-bound map, three ways.
    const onLocal = await timed(async () => sum(await local.map(collatzSteps, BLOCKS, 1)))
    report('cpu, local pool of 2', onLocal)
    const oneWorker = await timed(async () => sum(await pool.map(collatzSteps, BLOCKS, 1)))
    report('cpu, cluster of 1 worker', oneWorker)
    workers.push(await startWorker('B', redis))
    const twoWorkers = await timed(async () => sum(await pool.map(collatzSteps, BLOCKS, 1)))
    report('cpu, cluster of 2 workers', twoWorkers)
    console.log(`speedup of 2 workers over 1: ${(oneWorker.ms / twoWorkers.ms).toFixed(2)}x (the local pool took ${(onLocal.ms / twoWorkers.ms).toFixed(2)}x the time of 2 workers)`)

    // 2. Tiny tasks: each one crosses Redis twice on the cluster, a pipe on the local pool.
    const tinyLocal = await timed(async () => sum(await local.map(double, TINY, 1)))
    report('tiny, local pool of 2', tinyLocal)
    const tinyCluster = await timed(async () => sum(await pool.map(double, TINY, 1)))
    report('tiny, cluster of 2 workers', tinyCluster)
    const perTask = (ms: number) => ((ms / TINY.length) * 1000).toFixed(0)
    console.log(`per tiny task: ${perTask(tinyLocal.ms)} µs on the local pool, ${perTask(tinyCluster.ms)} µs through Redis`)

    // 3. An idempotent task, run twice as the cluster may run it.
    const calls = PAYMENTS.map((p): [string, string, number] => [ledger, p.id, p.cents])
    const first = await pool.starmap(recordPayment, calls, 1)
    const again = await pool.starmap(recordPayment, calls, 1)
    console.log(`payments, first run: ${first.join(', ')}`)
    console.log(`payments, second run: ${again.join(', ')}`)
  } finally {
    for (const worker of workers) await stopWorker(worker)
    await privateRedis?.stop()
    if (ownLedger) rmSync(ownLedger, { recursive: true, force: true })
  }
}
