import { hostname } from 'node:os'
import * as mp from '@proclab/core'
import { Worker, WaitingError, type Job } from 'bullmq'
import { connectRedis, redactUrl } from '../redis/connect.ts'
import { projectRoot } from '../project-root.ts'
import { TaskLostError } from '../errors.ts'
import { BULLMQ_PREFIX, clusterKeys, DEFAULT_QUEUE, WORKER_TTL_MS, type JobData } from '../wire.ts'
import { CallerWatch } from './caller-watch.ts'
import { pushReply, ranOn, runJob, type JobContext } from './run-job.ts'

/**
 * A job whose worker stops renewing its lock (it died) is run again after about this long: short, so
 * a dead machine costs seconds, yet many lock renewals (every half of it) long.
 */
export const LOCK_DURATION_MS = 3000
/** How often each worker looks for jobs whose worker died. */
export const STALLED_INTERVAL_MS = 1000
/** A job whose workers died this many times more is given up: the task itself may be what kills them (Ray and Dask allow 3 too). */
export const MAX_RERUNS = 3

/** Options of {@link runWorker}, as `proclab worker` takes them. */
export interface WorkerOptions {
  /** `redis://[:password@]host:port`. */
  redis: string
  /** default `'proclab'`. */
  queue?: string
  /** Processes of the local pool, and jobs held at a time; default `cpuCount()`. */
  processes?: number
  /** Where task modules are looked up (their paths are relative to it); default: the project root above the current directory. */
  root?: string
  /** Where the worker says what it runs; default stdout; `null`: say nothing. */
  log?: ((line: string) => void) | null
}

/** A running worker. */
export interface RunningWorker {
  readonly processes: number
  /**
   * Stops taking jobs and leaves the cluster. By default it first finishes the jobs it holds; with
   * `handBack` it puts them back in the queue at once, for other workers to run.
   */
  stop(options?: { handBack?: boolean }): Promise<void>
}

/**
 * Joins a cluster: takes jobs from the queue and runs each in a local `mp.Pool`, so one machine uses all
 * its cores. Fails at once, with a clear error, if Redis cannot be reached or refuses the password.
 * @example
 * const worker = await runWorker({ redis: 'redis://:secret@10.0.0.5:6379', processes: 4 })
 * process.once('SIGTERM', () => worker.stop())
 */
export async function runWorker(options: WorkerOptions): Promise<RunningWorker> {
  const queue = options.queue ?? DEFAULT_QUEUE
  const processes = options.processes ?? mp.cpuCount()
  const root = options.root ?? projectRoot(process.cwd())
  const prefix = `[worker ${hostname()} pid ${process.pid}]`
  const log = options.log === null ? () => {} : (line: string) => (options.log ?? console.log)(`${prefix} ${line}`)
  const api = 'proclab worker'
  const redis = await connectRedis(options.redis, { role: 'worker', api })
  const blocking = await connectRedis(options.redis, { role: 'worker', blocking: true, api }).catch((error) => (redis.disconnect(), Promise.reject(error)))
  await registerTypeScript()
  const keys = clusterKeys(queue)
  const pool = new mp.Pool(processes)
  const active = new Map<string, { job: Job<JobData>; token: string }>()
  let handingBack = false
  const context: JobContext = { redis, callers: new CallerWatch(redis, keys), keys, pool, root, log, handingBack: () => handingBack }

  const worker = new Worker<JobData>(
    queue,
    async (job, token) => {
      active.set(job.id!, { job, token: token! })
      try {
        await runJob(context, job, job.stalledCounter ?? 0)
      } catch (error) {
        // Handing back: the job is already back in the queue; tell BullMQ not to finish it.
        if (handingBack) throw new WaitingError()
        throw error
      } finally {
        active.delete(job.id!)
      }
    },
    { connection: blocking, prefix: BULLMQ_PREFIX, concurrency: processes, lockDuration: LOCK_DURATION_MS, stalledInterval: STALLED_INTERVAL_MS, maxStalledCount: MAX_RERUNS, autorun: false },
  )
  // BullMQ reports each failed reconnection: say it once per kind of failure, not every second.
  let lastError = ''
  worker.on('error', (error) => error.message !== lastError && log(`Redis: ${(lastError = error.message)}`))
  redis.on('ready', () => (lastError = ''))
  // Only a job whose workers kept dying fails in BullMQ (task errors are replies): tell its caller.
  worker.on('failed', (job) => {
    if (!job) return
    const error = new TaskLostError(`The cluster gave up task ${job.id}: the worker running it died ${MAX_RERUNS + 1} times. The task itself may kill its process (a crash, or running out of memory).`)
    void pushReply(context, job.data.caller, { kind: 'error', seq: job.data.seq, error: { name: error.name, message: error.message, code: error.code }, ...ranOn }).catch(() => {})
  })

  const register = () => redis.set(keys.worker(`${hostname()}-${process.pid}`), String(processes), 'PX', WORKER_TTL_MS).catch(() => {})
  await register()
  const heartbeat = setInterval(register, WORKER_TTL_MS / 3)
  void worker.run()
  log(`joined queue '${queue}' on ${redactUrl(options.redis)} with ${processes} process${processes === 1 ? '' : 'es'}; modules from ${root}`)

  // Hand back: put each held job back at the front of the queue, then stop its calls in the local pool.
  const handBackJobs = async () => {
    handingBack = true
    log(`handing back ${active.size} job(s)`)
    await Promise.all([...active.values()].map(({ job, token }) => job.moveToWait(token).catch(() => {})))
    await pool.terminate()
  }
  const finish = async () => {
    clearInterval(heartbeat)
    if (redis.status !== 'ready' || blocking.status !== 'ready') {
      // Nothing can be finished or handed back without Redis: stop now (the jobs' locks run out).
      log(`Redis is unreachable: stopping now, leaving ${active.size} job(s) to other workers`)
      handingBack = true
      await pool.terminate()
      await worker.close(true)
    } else {
      if (!handingBack) log(`finishing ${active.size} job(s), then stopping`)
      await worker.close()
    }
    if (!handingBack) {
      pool.close()
      await pool.join()
    }
    await redis.del(keys.worker(`${hostname()}-${process.pid}`)).catch(() => {})
    redis.disconnect()
    blocking.disconnect()
    log('stopped')
  }
  let stopping: Promise<void> | undefined
  return {
    processes,
    stop: async ({ handBack = false } = {}) => {
      if (handBack && !handingBack) await handBackJobs()
      return (stopping ??= finish())
    },
  }
}

/** Task modules may be TypeScript: the worker imports them as tsx would run them. */
async function registerTypeScript(): Promise<void> {
  const { register } = await import('tsx/esm/api')
  register()
}
