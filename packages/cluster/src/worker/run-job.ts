import { hostname } from 'node:os'
import type * as mp from '@proclab/core'
import type { Redis } from 'ioredis'
import { decode, encode } from '../codec.ts'
import { serializeError } from '../remote-error.ts'
import { traceEvent } from '../trace.ts'
import { REPLY_TTL_MS, type clusterKeys, type JobData, type Reply } from '../wire.ts'
import type { CallerWatch } from './caller-watch.ts'
import { resolveTarget } from './targets.ts'

/** What running a job needs: the worker's connection and local pool, where modules are, and how to report. */
export interface JobContext {
  redis: Redis
  /** Which callers are still there (see {@link CallerWatch}). */
  callers: CallerWatch
  keys: ReturnType<typeof clusterKeys>
  pool: mp.Pool
  root: string
  log: (line: string) => void
  /** True once the worker hands its jobs back: a call cut short then is no task error. */
  handingBack: () => boolean
}

const ranOn = { host: hostname(), pid: process.pid }

/**
 * Runs one job (a chunk of calls) in the local pool and pushes its reply to the caller's list. A job
 * whose caller is gone (its heartbeat expired) is dropped unrun. Task errors are replies, not BullMQ
 * failures: BullMQ retries only what a dead worker left.
 */
export async function runJob(context: JobContext, job: { id?: string | undefined; data: JobData }, attempt: number): Promise<'ran' | 'dropped'> {
  const { callers, pool, root, log } = context
  const { caller, seq, target, spread } = job.data
  if (!(await callers.alive(caller))) {
    log(`dropped job ${job.id}: its caller ${caller} is gone`)
    traceEvent('task-drop', { task: seq, job: job.id, caller })
    return 'dropped'
  }
  const calls = decode<unknown[]>(job.data.calls)
  const again = attempt > 0 ? ` (again: its worker died)` : ''
  // Traced before it is said: whoever acts on the line (a test killing this worker mid-task) finds the start in the trace.
  traceEvent('task-start', { task: seq, job: job.id, caller, calls: calls.length, attempt })
  log(`running ${target.exportName} from ${target.module} ×${calls.length}, job ${job.id}${again}`)
  let reply: Reply
  try {
    const fn = (await resolveTarget(root, target)) as (...args: any[]) => unknown
    const values = spread ? await pool.starmap(fn, calls as unknown[][], calls.length) : await pool.map(fn, calls, calls.length)
    reply = { kind: 'values', seq, values: encode(values, 'A cluster task', (i) => `its result ${i}`), ...ranOn }
  } catch (error) {
    if (context.handingBack()) throw error
    reply = { kind: 'error', seq, error: serializeError(error), ...ranOn }
  }
  traceEvent('task-end', { task: seq, job: job.id, caller, ok: reply.kind === 'values' })
  log(`${reply.kind === 'values' ? 'done' : `failed (${reply.error.name}: ${reply.error.message.split('\n')[0]})`}: job ${job.id}`)
  await pushReply(context, caller, reply)
  return 'ran'
}

/**
 * Sends a reply to a caller that is still there (its heartbeat key exists); a reply list nobody reads
 * expires. One script, so one round trip: the check and the push are one step in Redis.
 */
export async function pushReply({ redis, keys }: Pick<JobContext, 'redis' | 'keys'>, caller: string, reply: Reply): Promise<void> {
  await redis.eval(PUSH_REPLY, 2, keys.caller(caller), keys.replies(caller), JSON.stringify(reply), REPLY_TTL_MS)
}

const PUSH_REPLY = `if redis.call('exists', KEYS[1]) == 1 then
  redis.call('rpush', KEYS[2], ARGV[1])
  redis.call('pexpire', KEYS[2], ARGV[2])
end`

export { ranOn }
