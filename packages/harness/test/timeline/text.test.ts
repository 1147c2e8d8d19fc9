import { stripVTControlCharacters } from 'node:util'
import { describe, expect, onTestFinished, test, vi } from 'vitest'
import { LANGUAGE_ENV, NO_TRACE_EVENTS, renderTimelineHtml, renderTimelineText } from '../../src/index.ts'
import { POOL_TRACE, STUCK_TRACE, traceOf, type Line } from './events.ts'

describe('renderTimelineText', () => {
  test('draws a pool run: tasks numbered on their worker rows, waits lettered, exit codes at the right', () => {
    expect(renderTimelineText(POOL_TRACE, { width: 72 })).toBe(
      [
        'time (ms)        0         20        40        60        80',
        '                 +---------+---------+---------+---------+--------+ exit',
        '100 MainProcess  ---qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq-jj----------    0',
        '101 PoolWorker-1  ....-1#########3#########5#########----              0',
        '102 PoolWorker-2   .....-2###########4#########6#########-----       -15',
        '',
        '. starting (its code not running yet)  - running',
        '1## pool task 1 (numbered from 1, as handed to the pool)',
        'q waiting on queue  j waiting on join',
      ].join('\n'),
    )
  })

  test('draws a stuck run: processes with no exit, a lock held, and what each still waited on', () => {
    expect(renderTimelineText(STUCK_TRACE, { width: 72 })).toBe(
      [
        'time (ms)       0           50           100          150',
        '                +-----------+------------+------------+-----------+ exit',
        '100 MainProcess --jjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjj    ?',
        '103 Process-1    ....--qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq    ?',
        '  lock lock-7         =============================================',
        '104 Process-2    ....----------------------------------------------    0',
        '',
        '. starting (its code not running yet)  - running  j waiting on join',
        'q waiting on queue  = holding a lock',
        '? no exit traced: still running when the trace ended',
        'Still waiting when the trace ended:',
        '  100 MainProcess: join Process-1',
        '  103 Process-1: get Queue 2',
      ].join('\n'),
    )
  })

  test('an empty trace says there is nothing to draw', () => {
    expect(renderTimelineText([])).toBe(NO_TRACE_EVENTS)
  })

  test.each([40, 80, 132])('no line is wider than width=%i', (width) => {
    for (const trace of [POOL_TRACE, STUCK_TRACE]) {
      const lines = renderTimelineText(trace, { width }).split('\n')
      expect(lines.filter((line) => line.length > width)).toEqual([])
    }
  })

  test('colours only when asked, and the colours are the only difference', () => {
    const plain = renderTimelineText(POOL_TRACE)
    const coloured = renderTimelineText(POOL_TRACE, { color: true })
    expect(plain).not.toContain('\x1b[')
    expect(coloured).toContain('\x1b[0;1;36m1\x1b[0;36m###')
    expect(stripVTControlCharacters(coloured)).toBe(plain)
  })

  test('tasks too short for their numbers are marked with *, which the legend explains', () => {
    // Thirty tasks of 2.9 ms, one every 3 ms, at 1.7 ms per column: one-digit numbers fit, two-digit ones mostly not.
    const tasks = Array.from({ length: 30 }, (_, i): Line[] => [
      [10 + 3 * i, 101, 'task-start', { task: i }],
      [12.9 + 3 * i, 101, 'task-end', { task: i }],
    ])
    const lines = renderTimelineText(traceOf([0, 100, 'start'], [0, 101, 'start'], ...tasks.flat(), [100, 101, 'exit', { exitCode: 0 }], [100, 100, 'exit', { exitCode: 0 }])).split('\n')
    expect(lines[3]).toBe('101 PoolWorker-1 -----1#2#3#*5#6#*8#9#*#**#*#*#**#*#*#**#*#*#**#*#*#**#*#30    0')
    expect(lines.slice(-2)).toEqual(['1## pool task 1 (numbered from 1, as handed to the pool)', '* tasks too short here for their numbers'])
  })

  test('maxRows draws the first processes and counts the others', () => {
    const text = renderTimelineText(POOL_TRACE, { maxRows: 1 })
    expect(text).toMatch(/\n100 MainProcess .*\n… and 2 more processes\n/)
    expect(text).not.toContain('PoolWorker')
  })

  test('a long process name is cut to keep room for the chart', () => {
    const text = renderTimelineText(traceOf([0, 100, 'start'], [0, 103, 'start', { name: 'Process-1:1:1:1:1:1:1:1:1:1' }], [10, 103, 'exit', { exitCode: 0 }], [10, 100, 'exit', { exitCode: 0 }]))
    expect(text.split('\n')[3]).toMatch(/^103 Process-1:1:1:1:1:1… -+ +0$/)
  })

  test('a run of one process is said in one line, not drawn', () => {
    const text = renderTimelineText(traceOf([0, 100, 'start'], [4, 100, 'exit', { exitCode: 0 }]))
    expect(text).toBe('Only one process ran (100 MainProcess, 4 ms, exit 0): no timeline to draw.')
    // Stuck, it is drawn: what it still waited on is the point.
    expect(renderTimelineText(traceOf([0, 100, 'start'], [4, 100, 'block', { on: 'get Queue 1', kind: 'queue' }]))).toContain('Still waiting when the trace ended:\n  100 MainProcess: get Queue 1')
  })

  test('the join proclab makes at exit is drawn J, apart from a join the program asked for, and the legend says so', () => {
    const join = (t: number, event: string, auto: boolean) => [t, 100, event, { on: 'join Process-1', kind: 'join', ...(auto ? { auto: true } : {}) }] as Line
    const run = (auto: boolean) =>
      renderTimelineText(traceOf([0, 100, 'start'], [1, 103, 'spawn'], [5, 103, 'start'], join(10, 'block', auto), [90, 103, 'exit', { exitCode: 0 }], join(90, 'unblock', auto), [100, 100, 'exit', { exitCode: 0 }]))
    const automatic = run(true)
    expect(automatic.split('\n')[2]).toMatch(/^100 MainProcess -+J+-+ +0$/)
    expect(automatic).toContain('J the join at exit, made by proclab (no join() in your code)')
    expect(automatic).not.toContain('j waiting on join')
    expect(run(false).split('\n')[2]).toMatch(/^100 MainProcess -+j+-+ +0$/)
  })

  test("proclab's own waits (internal) are not drawn: the process counts as running", () => {
    const text = renderTimelineText(
      traceOf(
        [0, 100, 'start'],
        [1, 101, 'spawn'],
        [5, 101, 'start'],
        [10, 100, 'block', { on: 'recv <Connection pipe=1 end=0>', kind: 'pipe', internal: true }],
        [80, 100, 'unblock', { on: 'recv <Connection pipe=1 end=0>', kind: 'pipe', internal: true }],
        [90, 101, 'exit', { exitCode: 0 }],
        [100, 100, 'exit', { exitCode: 0 }],
      ),
    )
    expect(text.split('\n')[2]).toMatch(/^100 MainProcess +-+ +0$/)
    expect(text).not.toContain('pipe')
  })

  test.each([
    [{ width: 20 }, 'renderTimelineText() needs `width` to be an integer of at least 40, got 20.'],
    [{ width: 80.5 }, 'renderTimelineText() needs `width` to be an integer of at least 40, got 80.5.'],
    [{ maxRows: 0 }, 'renderTimelineText() needs `maxRows` to be a positive integer, got 0.'],
  ])('rejects %j', (options, message) => {
    expect(() => renderTimelineText(POOL_TRACE, options)).toThrow(new RangeError(message))
  })
})

describe('the legend in Chinese', () => {
  test('follows the language of the harness, as failures do, in text and in HTML', () => {
    vi.stubEnv(LANGUAGE_ENV, 'zh-CN')
    onTestFinished(() => {
      vi.unstubAllEnvs()
    })
    const text = renderTimelineText(POOL_TRACE, { width: 72 })
    expect(text).toContain('正在启动（它的代码还没有运行）')
    expect(text).toContain('进程池任务 1（按交给进程池的顺序从 1 开始编号）')
    expect(text).not.toContain('running')
    const html = renderTimelineHtml(POOL_TRACE)
    expect(html).toContain('把鼠标悬停在矩形上')
    expect(html).not.toContain('Hover a rectangle')
  })
})
