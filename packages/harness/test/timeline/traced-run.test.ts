import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { buildTimeline, renderTimelineText, runProgram } from '../../src/index.ts'

const fixture = fileURLToPath(new URL('../fixtures/pool-tasks.mjs', import.meta.url))
const run = await runProgram(fixture)
const timeline = buildTimeline(run.trace)
const workers = timeline.processes.filter((p) => p.name.startsWith('PoolWorker-'))

describe('the timeline of a real run of Pool(2) with six tasks', () => {
  test('has a row for the main process, then one per worker, each exited with 0', () => {
    expect(run.lines).toEqual(['1 4 9 16 25 36'])
    expect(timeline.processes.map((p) => p.name)).toEqual(['MainProcess', 'PoolWorker-1', 'PoolWorker-2'])
    expect(timeline.processes[0]!.pid).toBe(run.pid)
    expect(timeline.processes.map((p) => p.exitCode)).toEqual([0, 0, 0])
    for (const worker of workers) expect(worker.ppid).toBe(timeline.processes[0]!.pid)
  })

  test('ran each task once, on a worker that had started, and the workers ran several each, one after another', () => {
    expect(workers.flatMap((w) => w.tasks.map((t) => t.task)).sort()).toEqual([0, 1, 2, 3, 4, 5])
    // Six tasks on two workers: one of them ran at least three.
    expect(Math.max(...workers.map((w) => w.tasks.length))).toBeGreaterThanOrEqual(3)
    for (const worker of workers) {
      expect(worker.tasks[0]!.start).toBeGreaterThanOrEqual(worker.running)
      for (const [a, b] of worker.tasks.slice(1).map((t, i) => [worker.tasks[i]!, t] as const)) expect(a.end).toBeLessThanOrEqual(b.start)
      expect(worker.tasks.every((t) => !t.unfinished && t.end - t.start >= 90)).toBe(true)
    }
  })

  test("draws each worker's task numbers on its own row, in the order it ran them", () => {
    const lines = renderTimelineText(run.trace, { width: 120 }).split('\n')
    for (const worker of workers) {
      const row = lines.find((line) => line.startsWith(`${worker.pid} ${worker.name} `))!
      const chart = row.slice(row.indexOf(worker.name) + worker.name.length).replace(/\s+0$/, '')
      expect(chart.match(/\d/g)).toEqual(worker.tasks.map((t) => String(t.number)))
    }
  })
})
