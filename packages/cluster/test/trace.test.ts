import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as mp from '@proclab/core'
import { Redis } from 'ioredis'
import { afterEach, describe, expect, test } from 'vitest'
import { locateTarget } from '../src/caller/locate.ts'
import { encode } from '../src/codec.ts'
import { projectRoot } from '../src/project-root.ts'
import { clusterKeys, jobId } from '../src/wire.ts'
import { CallerWatch } from '../src/worker/caller-watch.ts'
import { runJob } from '../src/worker/run-job.ts'
import { square } from './fixtures/tasks.ts'
import { redisServer } from './helpers.ts'

const temporary: string[] = []
afterEach(() => {
  delete process.env.PROCLAB_TRACE
  temporary.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }))
})

describe('tracing a worker', () => {
  test('a worker traces a task’s start before it prints that it runs it, so a program that kills it on that line finds the task in the trace', async () => {
    const redis = await redisServer()
    const dir = mkdtempSync(join(tmpdir(), 'proclab-cluster-trace-'))
    temporary.push(dir)
    const trace = join(dir, 'trace.jsonl')
    process.env.PROCLAB_TRACE = trace
    const tracedStarts = () =>
      readFileSync(trace, { encoding: 'utf8', flag: 'a+' })
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { event: string; job?: string })
        .filter((e) => e.event === 'task-start')
        .map((e) => e.job)

    const connection = new Redis(redis.url)
    const pool = new mp.Pool(1)
    try {
      const keys = clusterKeys('trace-order')
      const caller = 'caller-1'
      await connection.set(keys.caller(caller), '1', 'PX', 10_000) // the caller's heartbeat: it is alive
      const id = jobId(caller, 0)
      const tracedWhenSaid: boolean[] = []
      const log = (line: string) => {
        if (line.startsWith('running ')) tracedWhenSaid.push(tracedStarts().includes(id))
      }
      const data = { caller, seq: 0, target: locateTarget(square, 'test'), spread: false, calls: encode([3], 'test', (i) => `items[${i}]`) }
      const context = { redis: connection, callers: new CallerWatch(connection, keys), keys, pool, root: projectRoot(process.cwd()), log, handingBack: () => false }
      expect(await runJob(context, { id, data }, 0)).toBe('ran')
      expect(tracedWhenSaid).toEqual([true])
    } finally {
      await pool.terminate()
      connection.disconnect()
    }
  })
})
