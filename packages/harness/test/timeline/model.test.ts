import { describe, expect, test } from 'vitest'
import { buildTimeline, type ProcessTimeline, type Segment } from '../../src/index.ts'
import { EPOCH, POOL_TRACE, STUCK_TRACE, traceOf } from './events.ts'

/** A segment as `kind start-end`, with its task or what it waited on: easy to read in a failed test. */
const brief = (segment: Segment) =>
  `${segment.kind} ${segment.start}-${segment.end}` +
  (segment.task ? ` task ${segment.task.task}` : '') +
  (segment.waits.length > 0 ? ` on ${segment.waits.map((w) => w.on).join(' + ')}` : '')

const row = (processes: ProcessTimeline[], pid: number) => processes.find((p) => p.pid === pid)!

describe('buildTimeline', () => {
  test('an empty trace has no processes and no duration', () => {
    expect(buildTimeline([])).toEqual({ origin: 0, duration: 0, processes: [] })
  })

  test('counts time from the first event and gives each process its lifetime and exit code', () => {
    const timeline = buildTimeline(POOL_TRACE)
    expect(timeline.origin).toBe(EPOCH)
    expect(timeline.duration).toBe(100)
    expect(timeline.processes.map(({ pid, ppid, name, start, running, end, exitCode }) => ({ pid, ppid, name, start, running, end, exitCode }))).toEqual([
      { pid: 100, ppid: 1, name: 'MainProcess', start: 0, running: 0, end: 100, exitCode: 0 },
      { pid: 101, ppid: 100, name: 'PoolWorker-1', start: 2, running: 10, end: 80, exitCode: 0 },
      { pid: 102, ppid: 100, name: 'PoolWorker-2', start: 4, running: 14, end: 90, exitCode: -15 },
    ])
  })

  test('events may come in any order', () => {
    expect(buildTimeline([...POOL_TRACE].reverse())).toEqual(buildTimeline(POOL_TRACE))
  })

  test('a worker reused for several tasks has them all on its one row, in order', () => {
    const worker = row(buildTimeline(POOL_TRACE).processes, 101)
    expect(worker.tasks).toEqual([
      { task: 0, number: 1, start: 12, end: 32, unfinished: false },
      { task: 2, number: 3, start: 32, end: 52, unfinished: false },
      { task: 4, number: 5, start: 52, end: 72, unfinished: false },
    ])
    expect(worker.segments.map(brief)).toEqual(['starting 2-10', 'run 10-12', 'task 12-32 task 0', 'task 32-52 task 2', 'task 52-72 task 4', 'run 72-80'])
  })

  test('a process blocked on one thing, then another, waits in two segments that say on what', () => {
    const main = row(buildTimeline(POOL_TRACE).processes, 100)
    expect(main.segments.map(brief)).toEqual(['run 0-6', 'wait 6-74 on get Queue 1', 'run 74-76', 'wait 76-80 on join PoolWorker-1', 'run 80-100'])
    expect(main.waits.map(({ kind, unfinished }) => ({ kind, unfinished }))).toEqual([
      { kind: 'queue', unfinished: false },
      { kind: 'join', unfinished: false },
    ])
  })

  test('a wait never unblocked, in a process that never exited, lasts until the trace ends', () => {
    const timeline = buildTimeline(STUCK_TRACE)
    const main = row(timeline.processes, 100)
    expect(main).toMatchObject({ end: 200, exitCode: null, waits: [{ on: 'join Process-1', kind: 'join', start: 10, end: 200, unfinished: true }] })
    expect(main.segments.map(brief)).toEqual(['run 0-10', 'wait 10-200 on join Process-1'])
  })

  test('a lock held until the end is unfinished; a release with no acquire is ignored', () => {
    const consumer = row(buildTimeline([...STUCK_TRACE, ...traceOf([40, 103, 'release', { id: 'lock-0' }])]).processes, 103)
    expect(consumer.locks).toEqual([{ id: 'lock-7', start: 25, end: 200, unfinished: true }])
  })

  test('an RLock acquired twice is released innermost first', () => {
    const trace = traceOf(
      [0, 100, 'start'],
      [1, 100, 'acquire', { id: 3 }],
      [2, 100, 'acquire', { id: 3 }],
      [3, 100, 'release', { id: 3 }],
      [4, 100, 'release', { id: 3 }],
    )
    expect(buildTimeline(trace).processes[0]!.locks).toEqual([
      { id: '3', start: 1, end: 4, unfinished: false },
      { id: '3', start: 2, end: 3, unfinished: false },
    ])
  })

  test('waits on two things at once (an async process) make one segment naming both', () => {
    const trace = traceOf(
      [0, 100, 'start'],
      [10, 100, 'block', { on: 'recv pipe A', kind: 'pipe' }],
      [20, 100, 'block', { on: 'recv pipe B', kind: 'pipe' }],
      [30, 100, 'unblock', { on: 'recv pipe A', kind: 'pipe' }],
      [40, 100, 'unblock', { on: 'recv pipe B', kind: 'pipe' }],
    )
    expect(buildTimeline(trace).processes[0]!.segments.map(brief)).toEqual([
      'run 0-10',
      'wait 10-20 on recv pipe A',
      'wait 20-30 on recv pipe A + recv pipe B',
      'wait 30-40 on recv pipe B',
    ])
  })

  test('a wait inside a task stays part of the task, which remembers it', () => {
    const trace = traceOf(
      [0, 101, 'start'],
      [10, 101, 'task-start', { task: 7 }],
      [20, 101, 'block', { on: 'get AutoProxy Queue', kind: 'queue' }],
      [30, 101, 'unblock', { on: 'get AutoProxy Queue', kind: 'queue' }],
      [40, 101, 'task-end', { task: 7 }],
    )
    const [, task] = buildTimeline(trace).processes[0]!.segments
    expect(brief(task!)).toBe('task 10-40 task 7 on get AutoProxy Queue')
  })

  test('a worker killed mid-task leaves that task unfinished at its exit', () => {
    const trace = traceOf([0, 100, 'start'], [1, 101, 'spawn'], [2, 101, 'start'], [3, 101, 'task-start', { task: 4 }], [9, 101, 'exit', { exitCode: -9 }], [12, 100, 'exit', { exitCode: 0 }])
    expect(row(buildTimeline(trace).processes, 101)).toMatchObject({ end: 9, exitCode: -9, tasks: [{ task: 4, start: 3, end: 9, unfinished: true }] })
  })

  test('a pid the OS gives to a new process after the first exited gets a second row', () => {
    const trace = traceOf(
      [0, 100, 'start'],
      [1, 103, 'spawn', { name: 'Process-1' }],
      [2, 103, 'start', { name: 'Process-1' }],
      [5, 103, 'exit', { exitCode: 0, name: 'Process-1' }],
      [6, 103, 'spawn', { name: 'Process-7' }],
      [7, 103, 'start', { name: 'Process-7' }],
      [9, 103, 'exit', { exitCode: 1, name: 'Process-7' }],
    )
    expect(buildTimeline(trace).processes.map((p) => `${p.pid} ${p.name} ${p.start}-${p.end} exit ${p.exitCode}`)).toEqual([
      '100 MainProcess 0-9 exit null',
      '103 Process-1 1-5 exit 0',
      '103 Process-7 6-9 exit 1',
    ])
  })

  test('tasks are numbered from 1 in the order they were handed to the pool, as programs number them', () => {
    expect(row(buildTimeline(POOL_TRACE).processes, 102).tasks.map((t) => [t.task, t.number])).toEqual([[1, 2], [3, 4], [5, 6]])
  })

  test("a wait is marked auto (the join at exit) or internal (proclab's plumbing) as traced; an internal one makes no segment", () => {
    const trace = traceOf(
      [0, 100, 'start'],
      [10, 100, 'block', { on: 'recv <Connection pipe=1 end=0>', kind: 'pipe', internal: true }],
      [20, 100, 'unblock', { on: 'recv <Connection pipe=1 end=0>', kind: 'pipe', internal: true }],
      [30, 100, 'block', { on: 'join Process-1', kind: 'join', auto: true }],
      [40, 100, 'unblock', { on: 'join Process-1', kind: 'join', auto: true }],
      [50, 100, 'exit', { exitCode: 0 }],
    )
    const main = buildTimeline(trace).processes[0]!
    expect(main.waits.map(({ kind, auto, internal }) => ({ kind, auto, internal }))).toEqual([
      { kind: 'pipe', auto: false, internal: true },
      { kind: 'join', auto: true, internal: false },
    ])
    expect(main.segments.map(brief)).toEqual(['run 0-30', 'wait 30-40 on join Process-1', 'run 40-50'])
  })

  test('a process spawned but never heard from spent its whole life starting', () => {
    const trace = traceOf([0, 100, 'start'], [5, 103, 'spawn'], [20, 103, 'exit', { exitCode: -9 }])
    expect(row(buildTimeline(trace).processes, 103).segments.map(brief)).toEqual(['starting 5-20'])
  })
})
