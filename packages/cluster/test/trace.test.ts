import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { ClusterPool } from '../src/index.ts'
import { slowSquare } from './fixtures/tasks.ts'
import { redisServer, workerProgram } from './helpers.ts'

const temporary: string[] = []
afterEach(() => temporary.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

describe('tracing a worker', () => {
  test('when a worker prints that it runs a job, its trace already has that job’s task-start (a program may kill it on that line)', async () => {
    const redis = await redisServer()
    const dir = mkdtempSync(join(tmpdir(), 'proclab-cluster-trace-'))
    temporary.push(dir)
    const trace = join(dir, 'trace.jsonl')
    const worker = await workerProgram(redis.url, { env: { PROCLAB_TRACE: trace } })
    const pool = new ClusterPool({ redis: redis.url })
    const results = Array.from({ length: 5 }, (_, i) => pool.applyAsync(slowSquare, [i, 20]))
    const seen: string[] = []
    for (let i = 0; i < 5; i++) {
      const lines = worker.lines.filter((line) => / running slowSquare /.test(line))
      const line = lines.length > i ? lines[i]! : await worker.waitFor(new RegExp(`running slowSquare .*job \\S+-${i}\\b`))
      // Read at once, as a program that acts on the line would.
      const job = /job (\S+)/.exec(line)![1]!
      const started = readFileSync(trace, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).some((e) => e.event === 'task-start' && e.job === job)
      if (started) seen.push(job)
      else expect.fail(`worker printed ${line} before tracing its task-start`)
    }
    expect(seen).toHaveLength(5)
    expect(await Promise.all(results)).toEqual([0, 1, 4, 9, 16])
    await pool.terminate()
    worker.child.kill('SIGTERM')
    await worker.child
  })
})
