import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Queue } from 'bullmq'
import { Redis } from 'ioredis'
import { afterEach, describe, expect, test } from 'vitest'
import { ClusterPool, ModuleMismatchError, RedisLostError } from '../src/index.ts'
import { MAX_RERUNS } from '../src/worker/run-worker.ts'
import { BULLMQ_PREFIX, CALLER_TTL_MS, DEFAULT_QUEUE } from '../src/wire.ts'
import { slowSquare, square } from './fixtures/tasks.ts'
import { callerProgram, leftovers, redisServer, workerProgram, type Program } from './helpers.ts'

const temporary: string[] = []
afterEach(() => temporary.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'proclab-cluster-test-'))
  temporary.push(dir)
  return dir
}

/** The cluster's trace events in a file that several processes appended to (the pools' own events aside). */
function clusterEvents(file: string): { t: number; pid: number; host: string; event: string; job?: string }[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
    .filter((event) => event.name === 'ClusterWorker')
}

async function stopAll(workers: Program[]): Promise<void> {
  for (const worker of workers) worker.child.kill('SIGTERM')
  await Promise.all(workers.map((worker) => worker.child))
}

describe('faults of a cluster', () => {
  test('a worker SIGKILLed mid-task, 20 times: every call settles once, nothing is lost, and the killed tasks ran again', async () => {
    const redis = await redisServer()
    const trace = join(tempDir(), 'trace.jsonl')
    const env = { PROCLAB_TRACE: trace }
    const pool = new ClusterPool({ redis: redis.url })
    const count = 120
    const results = Array.from({ length: count }, (_, i) => pool.applyAsync(slowSquare, [i, 100]))
    const killsPerJob = new Map<string, number>()
    const killed: { job: string; pid: number }[] = []
    // Two victims at a time: each joins, takes a task, and is killed while it runs it. A task is never
    // killed more often than the cluster re-runs one (then it would rightly fail).
    const victim = async () => {
      for (;;) {
        const worker = await workerProgram(redis.url, { env })
        const line = await worker.waitFor(/running slowSquare/)
        const job = /job (\S+)/.exec(line)![1]!
        if ((killsPerJob.get(job) ?? 0) >= MAX_RERUNS) {
          await stopAll([worker])
          continue
        }
        killsPerJob.set(job, (killsPerJob.get(job) ?? 0) + 1)
        killed.push({ job, pid: worker.child.pid! })
        worker.child.kill('SIGKILL')
        await worker.child
        return
      }
    }
    for (let round = 0; round < 10; round++) await Promise.all([victim(), victim()])
    expect(killed).toHaveLength(20)
    // Only now a worker that lives: before, the victims were the only workers, so tasks never ran out
    // before the kills were done, however slowly victims start.
    const steady = await workerProgram(redis.url, { env })
    expect(await Promise.all(results)).toEqual(Array.from({ length: count }, (_, i) => i * i))
    pool.close()
    await pool.join()
    await stopAll([steady])
    const events = clusterEvents(trace)
    for (const { job, pid } of killed) {
      expect(events.some((e) => e.event === 'task-end' && e.job === job && e.pid !== pid), `job ${job} ran again after worker ${pid} died`).toBe(true)
    }
    expect(await leftovers(redis.url)).toEqual({ jobs: {}, keys: [] })
  })

  test('Redis stopped mid-map fails the map with a clear error instead of hanging', async () => {
    const redis = await redisServer()
    const worker = await workerProgram(redis.url)
    const pool = new ClusterPool({ redis: redis.url })
    const map = pool.starmap(slowSquare, Array.from({ length: 20 }, (_, i) => [i, 500] as [number, number]), 1).catch((error: unknown) => error)
    await worker.waitFor(/running slowSquare/)
    await redis.stop()
    const error = await map
    expect(error).toBeInstanceOf(RedisLostError)
    expect((error as Error).message).toMatch(/^The connection to Redis at redis:\/\/127\.0\.0\.1:\d+\/? was lost and did not come back: every unfinished task fails\./)
    await pool.terminate()
  }, 30_000)

  test.each([
    ['differs', (root: string) => writeCopy(root, '// an older copy\n'), /this worker's copy of .*tasks\.ts .* differs from the caller's \(sha256 [0-9a-f]{12}… here, [0-9a-f]{12}… there\)/],
    ['is missing', () => {}, /this worker has no copy of its module .*tasks\.ts/],
  ])('a worker whose copy of the module %s refuses the task', async (_, prepare, message) => {
    const redis = await redisServer()
    const root = tempDir()
    prepare(root)
    const worker = await workerProgram(redis.url, { root })
    const pool = new ClusterPool({ redis: redis.url })
    const error = (await pool.apply(square, [3]).catch((e: unknown) => e)) as Error
    expect(error).toBeInstanceOf(ModuleMismatchError)
    expect(error.message).toMatch(/^The worker refused the task: /)
    expect(error.message).toMatch(message)
    pool.close()
    await pool.join()
    await stopAll([worker])
    expect(await leftovers(redis.url)).toEqual({ jobs: {}, keys: [] })
  })

  test('a caller SIGKILLed: once its heartbeat expires no worker starts its jobs, and none is left', async () => {
    const redis = await redisServer()
    const trace = join(tempDir(), 'trace.jsonl')
    const worker = await workerProgram(redis.url, { env: { PROCLAB_TRACE: trace } })
    const caller = callerProgram('slow-caller.ts', redis.url, { COUNT: '30', TASK_MS: '300' })
    await caller.waitFor(/submitted 30/)
    await worker.waitFor(/running slowSquare/)
    caller.child.kill('SIGKILL')
    const killedAt = Date.now()
    await caller.child
    await worker.waitFor(/dropped job .*: its caller .* is gone/, 30_000)
    await untilNoJobs(redis.url)
    const events = clusterEvents(trace)
    const started = events.filter((e) => e.event === 'task-start')
    // The heartbeat was last renewed before the kill, so it is gone CALLER_TTL_MS after it at the latest.
    expect(started.filter((e) => e.t > killedAt + CALLER_TTL_MS + 1000)).toEqual([])
    // Each job was either run or dropped unrun, once.
    const dropped = events.filter((e) => e.event === 'task-drop')
    expect(dropped.length).toBeGreaterThan(0)
    expect(new Set([...started, ...dropped].map((e) => e.job)).size).toBe(30)
    expect(started.length + dropped.length).toBe(30)
    await stopAll([worker])
    expect(await leftovers(redis.url)).toEqual({ jobs: {}, keys: [] })
  }, 60_000)

  test('100,000 tiny tasks: each result exactly once', async () => {
    const redis = await redisServer()
    const workers = [await workerProgram(redis.url), await workerProgram(redis.url)]
    const pool = new ClusterPool({ redis: redis.url })
    const items = Array.from({ length: 100_000 }, (_, i) => i)
    expect(await pool.map(square, items)).toEqual(items.map((i) => i * i))
    const unordered: number[] = []
    for await (const value of pool.imapUnordered(square, items, 1000)) unordered.push(value)
    expect(unordered.sort((a, b) => a - b)).toEqual(items.map((i) => i * i))
    pool.close()
    await pool.join()
    await stopAll(workers)
    expect(await leftovers(redis.url)).toEqual({ jobs: {}, keys: [] })
  })
})

/** A copy of the tasks module under `root`, at the path the caller names it by, with other content. */
function writeCopy(root: string, content: string): void {
  const dir = join(root, 'packages/cluster/test/fixtures')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'tasks.ts'), content + readFileSync(new URL('./fixtures/tasks.ts', import.meta.url), 'utf8'))
}

async function untilNoJobs(url: string): Promise<void> {
  const redis = new Redis(url)
  const queue = new Queue(DEFAULT_QUEUE, { connection: redis, prefix: BULLMQ_PREFIX })
  try {
    for (;;) {
      const counts = await queue.getJobCounts()
      if (Object.values(counts).every((n) => n === 0)) return
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  } finally {
    await queue.close()
    redis.disconnect()
  }
}
