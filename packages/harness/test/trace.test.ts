import { expect, test } from 'vitest'
import { buildTimeline, pendingWaits, renderTimelineText, withProgramExit } from '../src/index.ts'
import { EPOCH, traceOf } from './timeline/events.ts'

// A program whose isMain() guard is missing: its main process traces no start and no exit of its own.
const UNGUARDED = traceOf([0, 100, 'block', { on: 'join Process-1', kind: 'join' }], [1, 103, 'spawn'], [5, 103, 'start'], [40, 103, 'exit', { exitCode: 0 }], [41, 100, 'unblock', { on: 'join Process-1', kind: 'join' }])

test('a main process that traced no exit gets the one the harness saw, at the end of the trace', () => {
  const trace = withProgramExit(UNGUARDED, 100, 0)
  expect(trace.at(-1)).toEqual({ t: EPOCH + 41, pid: 100, ppid: 1, name: 'MainProcess', event: 'exit', exitCode: 0, seenBy: 'harness' })
  expect(buildTimeline(trace).processes[0]).toMatchObject({ pid: 100, exitCode: 0 })
  expect(renderTimelineText(trace)).not.toContain('no exit traced')
})

test('a traced exit, or a program that traced nothing of its own, is left as it is', () => {
  const traced = withProgramExit(UNGUARDED, 100, 0)
  expect(withProgramExit(traced, 100, 0)).toBe(traced)
  expect(withProgramExit(UNGUARDED, 999, 0)).toBe(UNGUARDED)
})

test("what a process is stuck on is the program's own wait, never proclab's internal one", () => {
  const trace = traceOf(
    [0, 100, 'block', { on: 'join Process-1', kind: 'join' }],
    [5, 100, 'block', { on: 'recv <Connection pipe=1 end=0>', kind: 'pipe', internal: true }],
  )
  expect(pendingWaits(trace).get(100)?.on).toBe('join Process-1')
  expect(renderTimelineText([...trace, ...traceOf([1, 103, 'spawn'])])).toMatch(/Still waiting when the trace ended:\n {2}100 MainProcess: join Process-1$/)
})
