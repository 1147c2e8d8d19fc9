import { describe, test } from 'vitest'
import { expectProgram, runExercise, translator, type TraceEvent } from '@proclab/harness'
import { messages } from './messages.ts'

const t = translator(messages)

// The solution needs about four seconds on an idle two-core machine, longer on a busy one.
const run = await runExercise(import.meta.url, {
  timeout: 45_000,
  timeoutHint: t('timeout'),
})
const program = expectProgram(run)

// `threads:   539777 primes in 812 ms`, printed by timed() for each variant.
const RESULT = /^(serial|threads|processes): +(-?\d+) primes in (\d+) ms$/
const SPEEDUP = /^speedup over serial: /
const answers = new Map(program.lines(RESULT).map((m) => [m[1]!, Number(m[2])]))

/** One pool task, from the `task-start` and `task-end` events its worker wrote to the trace. */
interface TaskRun {
  task: number
  pid: number
  name: string
  start: number
  end: number
}

function taskRuns(trace: TraceEvent[]): TaskRun[] {
  const starts = new Map<number, TraceEvent>()
  const runs: TaskRun[] = []
  for (const e of trace) {
    if (typeof e.task !== 'number') continue
    if (e.event === 'task-start') starts.set(e.task, e)
    const start = starts.get(e.task)
    if (e.event === 'task-end' && start) runs.push({ task: e.task, pid: start.pid, name: start.name, start: start.t, end: e.t })
  }
  return runs
}

const overlaps = (a: TaskRun, b: TaskRun) => a.pid !== b.pid && a.start < b.end && b.start < a.end
// A program that crashed or stopped early printed only part of its lines: say so instead of "keep that line".
const stoppedEarly = (hint: string) => (run.exitCode === 0 ? hint : t('stoppedEarly', { hint }))

describe(t('lesson'), () => {
  test(t('exits'), () => {
    const noCount = /worker thread exited \(code \d+\) without sending its count/.test(run.stderr)
    program.exitCode(0, run.exitCode === 13 ? t('unsettled') : noCount ? t('noCount') : t('exitsHint'))
  })

  test(t('serial'), () => {
    program.line(RESULT, t('printSerial'))
    program.that((answers.get('serial') ?? 0) > 0, t('serialFinds'), {
      expected: t('aboveZero'),
      found: answers.has('serial') ? `serial: ${answers.get('serial')} primes` : t('noSerialLine'),
    })
  })

  const VARIANTS = [
    ['threads', t('threadsNotDone')],
    ['processes', t('processesNotDone')],
  ] as const
  for (const [variant, notDone] of VARIANTS) {
    test(t('sameCount', { variant }), () => {
      const found = answers.get(variant)
      const serial = answers.get('serial')
      const hint = found === undefined ? stoppedEarly(t('printVariant', { variant })) : found === 0 ? notDone : t('eachSliceOnce')
      program.equal(found, serial, hint)
    })
  }

  test(t('onThreads'), () => {
    // `thread 1: counting slice 0`, printed by the given code in the thread's branch of the file.
    const THREAD_LINE = /^thread \d+: counting slice (\d+)$/
    const authors = program.printedBy(THREAD_LINE)
    const slices = program.lines(THREAD_LINE).map((m) => Number(m[1]))
    program.that(authors.length > 0, stoppedEarly(t('noThreadLine')), { expected: t('twoThreadLines'), found: t('noneFound') })
    const onMain = authors.filter((author) => author?.thread === undefined).length
    program.that(onMain === 0, t('threadLineOnMain'), {
      expected: t('twoThreadLines'),
      found: t('onMainCount', { count: onMain, total: authors.length }),
    })
    program.equal([...slices].sort(), [0, 1], t('oneThreadPerSlice'))
    const threads = new Set(authors.map((author) => author?.thread))
    program.that(threads.size === 2, t('oneThreadPerSlice'), { expected: t('twoThreadLines'), found: [...threads].map(String) })
  })

  test(t('parallel'), () => {
    const tasks = taskRuns(run.trace)
    program.that(tasks.length >= 2, tasks.length === 0 ? stoppedEarly(t('noPoolTask')) : t('oneTask'), {
      expected: t('twoTasks'),
      found: `${tasks.length}`,
    })
    const together = tasks.some((a) => tasks.some((b) => overlaps(a, b)))
    const samePid = new Set(tasks.map((task) => task.pid)).size === 1
    program.that(together, samePid ? t('sameWorker') : t('inTurn'), {
      expected: t('overlapping'),
      found: tasks.map((task) =>
        t('taskTimes', { task: task.task, name: task.name, ms: (task.end - task.start).toFixed(0), from: (task.start - tasks[0]!.start).toFixed(0) }),
      ),
    })
  })

  test(t('speedup'), () => {
    program.line(SPEEDUP, stoppedEarly(t('printSpeedup')))
  })
})
