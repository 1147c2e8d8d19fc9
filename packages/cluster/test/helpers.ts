import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { execa, type ResultPromise } from 'execa'
import { Redis } from 'ioredis'
import { Queue } from 'bullmq'
import { afterEach } from 'vitest'
import { startPrivateRedis, type PrivateRedis } from '../src/redis/embedded.ts'
import { BULLMQ_PREFIX, DEFAULT_QUEUE } from '../src/wire.ts'

/**
 * Real parts for every test: its own redis-server on a free port, worker programs and caller programs
 * as separate processes that share only the Redis URL. Everything a test starts is killed after it,
 * however it ends; then nothing may be left: no process, no job, no key without an expiry.
 */

const WORKER_MAIN = fileURLToPath(new URL('../src/worker/main.ts', import.meta.url))
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url))
/** Keys every BullMQ queue keeps for as long as it exists; all others must go. */
const QUEUE_BOOKKEEPING = /^proclab:[\w.-]+:(meta|events|id|marker)$/

const servers: PrivateRedis[] = []
const children: ResultPromise[] = []

/** A redis-server of this test's own, stopped after it. */
export async function redisServer(options: { password?: string } = {}): Promise<PrivateRedis> {
  const server = await startPrivateRedis(options)
  servers.push(server)
  return server
}

/** A program of this test (tsx), killed after it; its output is kept in `lines`. */
function program(args: string[], env: Record<string, string> = {}): { child: ResultPromise; lines: string[]; waitFor: (pattern: RegExp, ms?: number) => Promise<string> } {
  const child = execa(process.execPath, ['--import', 'tsx', ...args], { env: { ...env }, reject: false, all: true, buffer: false })
  children.push(child)
  const lines: string[] = []
  const waiters = new Set<() => void>()
  let exited = false
  void child.then(() => {
    exited = true
    for (const wake of waiters) wake()
  })
  child.all!.setEncoding('utf8')
  let partial = ''
  child.all!.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n')
    partial = parts.pop()!
    lines.push(...parts)
    for (const wake of waiters) wake()
  })
  const waitFor = (pattern: RegExp, ms = 20_000) =>
    new Promise<string>((resolve, reject) => {
      let seen = 0
      const check = () => {
        for (; seen < lines.length; seen++) {
          if (pattern.test(lines[seen]!)) return done(() => resolve(lines[seen]!))
        }
        if (exited) done(() => reject(new Error(`The program exited before printing a line that matches ${pattern}. Output:\n${lines.join('\n')}`)))
      }
      const timer = setTimeout(() => done(() => reject(new Error(`No line matched ${pattern} within ${ms} ms. Output:\n${lines.join('\n')}`))), ms)
      const done = (settle: () => void) => (clearTimeout(timer), waiters.delete(check), settle())
      waiters.add(check)
      check()
    })
  return { child, lines, waitFor }
}

export type Program = ReturnType<typeof program>

/** A worker program (`proclab worker`), up once it has joined. */
export async function workerProgram(redis: string, { processes = 1, root, queue, env }: { processes?: number; root?: string; queue?: string; env?: Record<string, string> } = {}): Promise<Program> {
  const args = [WORKER_MAIN, '--redis', redis, '--processes', String(processes)]
  if (root) args.push('--root', root)
  if (queue) args.push('--queue', queue)
  const worker = program(args, env)
  await worker.waitFor(/joined queue/)
  return worker
}

/** A caller program from test/fixtures, given the Redis URL through PROCLAB_REDIS. */
export function callerProgram(name: string, redis: string, env: Record<string, string> = {}): Program {
  return program([`${FIXTURES}${name}`], { PROCLAB_REDIS: redis, ...env })
}

/** What a test left in Redis: jobs in any state, and keys with no expiry besides the queue's bookkeeping. */
export async function leftovers(url: string, queue = DEFAULT_QUEUE): Promise<{ jobs: Record<string, number>; keys: string[] }> {
  const redis = new Redis(url)
  const bull = new Queue(queue, { connection: redis, prefix: BULLMQ_PREFIX })
  try {
    const counts = await bull.getJobCounts()
    const jobs = Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0))
    const keys: string[] = []
    for (const key of await redis.keys('*')) if (!QUEUE_BOOKKEEPING.test(key) && (await redis.pttl(key)) === -1) keys.push(key)
    return { jobs, keys }
  } finally {
    await bull.close()
    redis.disconnect()
  }
}

/** Processes still running that this test started (by pid, or by its Redis port on their command line). */
function leakedProcesses(marks: string[], pids: number[]): string[] {
  const table = execFileSync('ps', ['-eo', 'pid=,ppid=,stat=,args='], { encoding: 'utf8' }).split('\n')
  return table.filter((row) => {
    const [pid, ppid, stat] = row.trim().split(/\s+/)
    if (!pid || stat?.startsWith('Z')) return false
    return pids.includes(Number(pid)) || pids.includes(Number(ppid)) || marks.some((mark) => row.includes(mark))
  })
}

afterEach(async () => {
  const marks = servers.map((server) => `127.0.0.1:${new URL(server.url).port}`)
  const pids = [...children.map((c) => c.pid!).filter(Boolean), ...servers.map((s) => s.pid)]
  for (const child of children.splice(0)) child.kill('SIGKILL')
  await Promise.all(servers.splice(0).map((server) => server.stop()))
  // A killed worker's pool processes die with it (the kernel's parent-death signal): give them a moment.
  for (let i = 0; i < 50 && leakedProcesses(marks, pids).length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 100))
  const leaked = leakedProcesses(marks, pids)
  if (leaked.length > 0) throw new Error(`The test left processes running:\n${leaked.join('\n')}`)
})

/** Stops a program the way an operator does, and waits for it to exit. */
export async function stopProgram({ child }: Program, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | undefined> {
  child.kill(signal)
  const result = await child
  return result.exitCode
}
