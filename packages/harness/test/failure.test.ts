import { describe, expect, test } from 'vitest'
import { formatRun, renderTimelineText, TIMELINE_MAX_ROWS, type ProgramRun } from '../src/index.ts'
import { POOL_TRACE, traceOf, type Line } from './timeline/events.ts'

const run = (trace: ProgramRun['trace']): ProgramRun => ({
  file: 'lessons/15-pool/exercise.ts (starter)',
  exitCode: 0,
  stdout: 'end\n',
  stderr: '',
  lines: ['end'],
  trace,
  pid: 100,
})

describe('formatRun', () => {
  test('shows the timeline of a traced run after the output', () => {
    expect(formatRun(run(POOL_TRACE))).toBe(
      'Program: lessons/15-pool/exercise.ts (starter), exit code 0\n── stdout ──\nend\n── stderr: (empty) ──\n' +
        `── timeline ──\n${renderTimelineText(POOL_TRACE)}`,
    )
  })

  test('shows no timeline for a run with no trace', () => {
    expect(formatRun(run([]))).not.toContain('timeline')
  })

  test(`draws at most ${TIMELINE_MAX_ROWS} processes and counts the rest`, () => {
    const children = Array.from({ length: 20 }, (_, i): Line[] => [
      [i, 200 + i, 'start', { name: `Process-${i + 1}` }],
      [30 + i, 200 + i, 'exit', { exitCode: 0 }],
    ])
    const timeline = formatRun(run(traceOf(...children.flat()))).split('── timeline ──\n')[1]!
    expect(timeline.match(/^\d+ Process-\d+ /gm)).toHaveLength(TIMELINE_MAX_ROWS)
    expect(timeline).toContain(`… and ${20 - TIMELINE_MAX_ROWS} more processes`)
  })
})
