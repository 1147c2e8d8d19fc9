/**
 * The cluster section: ClusterPool over a private redis-server with 2 worker programs of 1 process each
 * (two "machines" on this one), beside the local mp.Pool(2). Ray's and Dask's pools are compared only
 * where Python has them installed; otherwise the section says so.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { ClusterPool, RedisServerMissingError, startPrivateRedis } from '@proclab/cluster'
import { runPython } from './python.ts'
import { burn, tiny } from './targets/pool-tasks.ts'

export interface ClusterFigures {
  applyAsync: number
  mapChunk1: number
  mapDefault: number
  cpuSpeedup: number
  applyLatencyMs: number
}

const TASKS = 2000
const MAP_TASKS = 500_000
const CPU_TASKS = 8
const CPU_ROUNDS = 30_000_000
const LATENCY_CALLS = 200
const WORKER_BIN = fileURLToPath(new URL('../packages/cluster/bin/proclab-worker.js', import.meta.url))

const numbers = (n: number) => Array.from({ length: n }, (_, i) => i)

async function rate(run: () => Promise<unknown>, tasks: number): Promise<number> {
  const t0 = performance.now()
  await run()
  return tasks / ((performance.now() - t0) / 1000)
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/** The figures, or why there are none (no redis-server here). */
export async function clusterBenchmark(): Promise<ClusterFigures | string> {
  const redis = await startPrivateRedis().catch((error: unknown) => {
    if (error instanceof RedisServerMissingError) return undefined
    throw error
  })
  if (!redis) return 'skipped: redis-server is not installed (apt-get install redis-server / brew install redis)'
  const workers: ChildProcess[] = []
  try {
    for (let i = 0; i < 2; i++) workers.push(spawn(process.execPath, [WORKER_BIN, '--redis', redis.url, '--processes', '1', '--quiet'], { stdio: 'inherit' }))
    const pool = new ClusterPool({ redis: redis.url, processes: 2 })
    // Both workers have joined, loaded the module and started their pool once each ran tasks.
    await pool.map(tiny, numbers(200), 1)
    const applyAsync = await rate(() => Promise.all(numbers(TASKS).map((i) => pool.applyAsync(tiny, [i]))), TASKS)
    const mapChunk1 = await rate(() => pool.map(tiny, numbers(TASKS), 1), TASKS)
    const mapDefault = await rate(() => pool.map(tiny, numbers(MAP_TASKS)), MAP_TASKS)
    const latencies: number[] = []
    for (let i = 0; i < LATENCY_CALLS; i++) {
      const t0 = performance.now()
      await pool.apply(tiny, [i])
      latencies.push(performance.now() - t0)
    }
    const serialStart = performance.now()
    for (let i = 0; i < CPU_TASKS; i++) burn(CPU_ROUNDS)
    const serial = performance.now() - serialStart
    const parallelStart = performance.now()
    await pool.map(burn, Array(CPU_TASKS).fill(CPU_ROUNDS), 1)
    const cpuSpeedup = serial / (performance.now() - parallelStart)
    pool.close()
    await pool.join()
    return { applyAsync, mapChunk1, mapDefault, cpuSpeedup, applyLatencyMs: median(latencies) }
  } finally {
    for (const worker of workers) worker.kill('SIGKILL')
    await redis.stop()
  }
}

/** Ray's Pool and Dask's executor on the same workload, by name; and why any is missing. */
export interface PythonClusterFigures {
  engines: Record<string, ClusterFigures>
  skipped: Record<string, string>
}

/** Ray's and Dask's figures (bench/python/cluster.py), or `undefined` where python3 is missing. */
export function pythonClusterBenchmark(): PythonClusterFigures | undefined {
  return runPython<PythonClusterFigures>('cluster.py', [TASKS, MAP_TASKS, CPU_TASKS, CPU_ROUNDS, LATENCY_CALLS].map(String))
}
