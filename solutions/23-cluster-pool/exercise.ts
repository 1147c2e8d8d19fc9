import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import * as mp from '@proclab/core'
import { ClusterPool, REDIS_ENV, startPrivateRedis } from '@proclab/cluster'

/** The numbers 1 to TASKS go to the cluster; each comes back squared. */
export const TASKS = 6
/** How long one task "works": long enough that a worker killed right after it starts a task dies mid-task. */
export const WORK_MS = 600
/** How long the program waits for worker A to start a task before it gives up. */
export const FIRST_TASK_TIMEOUT_MS = 15_000

/**
 * One task. A cluster worker imports it by its module's path, as a pool process does: it must be an
 * exported top-level function.
 */
export async function slowSquare(n: number): Promise<number> {
  await sleep(WORK_MS)
  return n * n
}

/** The worker program every machine of a cluster runs (`npx proclab worker` does the same). */
const WORKER_PROGRAM = fileURLToPath(new URL('bin/proclab-worker.js', import.meta.resolve('@proclab/cluster/package.json')))

/** A worker program started by this one: on a real cluster it would run on another machine. */
export interface WorkerProgram {
  name: string
  child: ChildProcess
  pid: number
  /** Every line it printed so far. */
  lines: string[]
  /** Resolves at its first line that matches `pattern` (also one printed already). */
  untilLine(pattern: RegExp, timeoutMs: number): Promise<string>
}

/** Starts a worker program with one process, and resolves once it has joined the queue. */
export async function startWorker(name: string, redis: string): Promise<WorkerProgram> {
  const child = spawn(process.execPath, [WORKER_PROGRAM, '--redis', redis, '--processes', '1'], { stdio: ['ignore', 'pipe', 'inherit'] })
  const lines: string[] = []
  const waiters = new Set<() => void>()
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line)
    console.log(`worker ${name}: ${line}`)
    for (const wake of waiters) wake()
  })
  child.once('exit', () => waiters.forEach((wake) => wake()))
  const untilLine = (pattern: RegExp, timeoutMs: number) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const line = lines.find((l) => pattern.test(l))
        if (line !== undefined) return settle(() => resolve(line))
        if (child.exitCode !== null || child.signalCode !== null) settle(() => reject(new Error(`worker ${name} exited before printing ${pattern}`)))
      }
      const timer = setTimeout(() => settle(() => reject(new Error(`worker ${name} printed no line matching ${pattern} within ${timeoutMs} ms`))), timeoutMs)
      const settle = (done: () => void) => (clearTimeout(timer), waiters.delete(check), done())
      waiters.add(check)
      check()
    })
  const worker = { name, child, pid: child.pid!, lines, untilLine }
  await untilLine(/joined queue/, 20_000)
  return worker
}

/** Resolves once `worker` has started running a task (its `running …` line). */
export function untilRunning(worker: WorkerProgram): Promise<string> {
  return worker.untilLine(/ running /, FIRST_TASK_TIMEOUT_MS)
}

/** Stops a worker the polite way (SIGTERM: it finishes what it holds), and waits for it to exit. */
export async function stopWorker(worker: WorkerProgram): Promise<void> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return
  const exited = new Promise((resolve) => worker.child.once('exit', resolve))
  worker.child.kill('SIGTERM')
  await exited
}

if (mp.isMain(import.meta)) {
  // A Redis of our own, unless PROCLAB_REDIS names one: the cluster's only shared part.
  const privateRedis = process.env[REDIS_ENV] ? undefined : await startPrivateRedis()
  const redis = process.env[REDIS_ENV] ?? privateRedis!.url
  const [a, b] = await Promise.all([startWorker('A', redis), startWorker('B', redis)])
  console.log(`main: workers A (pid=${a.pid}) and B (pid=${b.pid}) joined`)
  try {
    await using pool = new ClusterPool({ redis })
    const numbers = Array.from({ length: TASKS }, (_, i) => i + 1)
    // Start the map, but do not wait for it yet: worker A must die while it runs.
    const squaring = pool.map(slowSquare, numbers, 1)
    await untilRunning(a)
    a.child.kill('SIGKILL') // as if its machine lost power: no goodbye, its task half done
    console.log(`main: killed worker A (pid=${a.pid}) in the middle of a task`)
    const squares = await squaring
    console.log(`main: squares ${JSON.stringify(squares)}`)
  } finally {
    await stopWorker(b)
    await stopWorker(a)
    await privateRedis?.stop()
  }
}
