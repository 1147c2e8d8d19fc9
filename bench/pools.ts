/**
 * Pools side by side: proclab's Pool and ProcessPoolExecutor, workerpool in its child-process mode
 * (the closest Node peer), and Python's Pool and ProcessPoolExecutor. Two workers everywhere.
 */
import { fileURLToPath } from 'node:url'
import * as mp from '@proclab/core'
import { ProcessPoolExecutor } from '@proclab/core/futures'
import workerpool from 'workerpool'
import { runPython } from './python.ts'
import { burn, tiny } from './targets/pool-tasks.ts'

export interface PoolFigures {
  applyAsync: number
  mapChunk1: number
  mapDefault: number
  submit: number
  cpuSpeedup: number
}

const TASKS = 20_000
const CPU_TASKS = 8
const CPU_ROUNDS = 30_000_000

async function rate(run: () => Promise<unknown>, tasks: number): Promise<number> {
  const t0 = performance.now()
  await run()
  return tasks / ((performance.now() - t0) / 1000)
}

const numbers = (n: number) => Array.from({ length: n }, (_, i) => i)

export async function proclabPools(): Promise<PoolFigures> {
  const pool = new mp.Pool(2)
  await pool.map(tiny, numbers(100)) // workers are up and have loaded the module
  const applyAsync = await rate(() => Promise.all(numbers(TASKS).map((i) => pool.applyAsync(tiny, [i]))), TASKS)
  const mapChunk1 = await rate(() => pool.map(tiny, numbers(TASKS), 1), TASKS)
  const mapDefault = await rate(() => pool.map(tiny, numbers(TASKS * 50)), TASKS * 50)
  const serialStart = performance.now()
  for (let i = 0; i < CPU_TASKS; i++) burn(CPU_ROUNDS)
  const serial = performance.now() - serialStart
  const parallelStart = performance.now()
  await pool.map(burn, Array(CPU_TASKS).fill(CPU_ROUNDS), 1)
  const cpuSpeedup = serial / (performance.now() - parallelStart)
  await pool.terminate()
  await using executor = new ProcessPoolExecutor({ maxWorkers: 2 })
  await Promise.all(numbers(100).map((i) => executor.submit(tiny, i)))
  const submit = await rate(() => Promise.all(numbers(TASKS).map((i) => executor.submit(tiny, i))), TASKS)
  return { applyAsync, mapChunk1, mapDefault, submit, cpuSpeedup }
}

/** workerpool's child-process mode: only what it can do (submitting tasks). */
export async function workerpoolRate(): Promise<number> {
  const pool = workerpool.pool(fileURLToPath(new URL('./targets/workerpool-worker.cjs', import.meta.url)), { workerType: 'process', maxWorkers: 2, minWorkers: 2 })
  await Promise.all(numbers(100).map((i) => pool.exec('tiny', [i])))
  const result = await rate(() => Promise.all(numbers(TASKS).map((i) => pool.exec('tiny', [i]))), TASKS)
  await pool.terminate()
  return result
}

export function pythonPools(): PoolFigures | undefined {
  return runPython<PoolFigures>('pools.py', [String(TASKS), String(CPU_TASKS), String(CPU_ROUNDS)])
}
