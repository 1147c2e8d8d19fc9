import { describe, test } from 'vitest'
import { expectProgram, mostInFlight, runExercise, translator } from '@proclab/harness'
import { messages } from './messages.ts'

const t = translator(messages)

// The solution ends in about two seconds: give up well before vitest does.
const run = await runExercise(import.meta.url, {
  timeout: 20_000,
  timeoutHint: t('timeout'),
})
const program = expectProgram(run)

const TASKS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
const WORKERS = 3
// `task 4 running in PoolWorker-2 pid=4242`, printed by work() as a task starts.
const RUNNING = /^task (\d+) running in (\S+) pid=(\d+)$/
// `task 4 done after 150 ms`, printed by work() as a task ends.
const DONE = /^task \d+ done\b/
const END = /^end$/

const ran = program.lines(RUNNING).map((m) => ({ task: Number(m[1]), name: m[2]!, pid: Number(m[3]) }))
const pids = [...new Set(ran.map((r) => r.pid))]

/** The main process's pid, as the program printed it. */
function mainPid(): number {
  const [, pid] = program.line(/^main pid=(\d+)$/, t('printMainPid'))
  return Number(pid)
}

describe(t('lesson'), () => {
  test(t('exits'), () => {
    program.exitCode(0, t('exitsHint'))
  })

  test(t('allTen'), () => {
    const numbers = ran.map((r) => r.task).sort((a, b) => a - b)
    // Workers were started (the pool exists), yet no task ran: the pool was stopped before they got to them.
    const poolStarted = run.trace.some((e) => e.event === 'spawn')
    const hint =
      numbers.length === 0
        ? poolStarted
          ? t('stoppedBeforeTasks')
          : t('noTask')
        : numbers.length < TASKS.length
          ? t('onlySome', { count: numbers.length })
          : t('eachOnce')
    program.equal(numbers, TASKS, hint)
  })

  test(t('inWorkers'), () => {
    const main = mainPid()
    const outside = ran.filter((r) => r.pid === main || !/^PoolWorker-\d+$/.test(r.name))
    program.that(
      ran.length > 0 && outside.length === 0,
      ran.length === 0 ? t('noTaskAbove') : outside.some((r) => r.pid === main) ? t('inMain') : t('notWorkers'),
      { expected: t('everyInWorker'), found: outside.map((r) => t('taskIn', { task: r.task, name: r.name, pid: r.pid })) },
    )
  })

  test(t('atMostThree'), () => {
    program.that(
      pids.length >= 1 && pids.length <= WORKERS,
      pids.length === 0 ? t('noTaskAboveAll') : t('tooManyProcesses', { count: pids.length }),
      { expected: t('atMostPids', { count: WORKERS }), found: `${pids.length}: ${pids.join(', ')}` },
    )
  })

  test(t('reused'), () => {
    const perPid = pids.map((pid) => ran.filter((r) => r.pid === pid).length)
    program.that(perPid.some((n) => n > 1), ran.length === 0 ? t('noTaskAboveAll') : t('notReused'), {
      expected: t('pidRanTwo'),
      found: pids.map((pid, i) => t('tasksOfPid', { pid, count: perPid[i] })),
    })
  })

  test(t('overlap'), () => {
    program.that(ran.length > 0, t('noTaskAboveAll'))
    // All ten handed out at once, yet one pid ran them all: the pool itself had one worker.
    const oneWorker = pids.length === 1 && (mostInFlight(run.trace) ?? 0) > 1
    program.overlapped(t(oneWorker ? 'oneWorker' : 'serial'), { atLeast: 2 })
  })

  test(t('endLast'), () => {
    program.count(END, 1, t('endOnce'))
    program.that(ran.length > 0, t('nothingToWaitFor'))
    program.before(DONE, END, t('endTooEarly'))
    // Sleeping until the tasks are probably done, or exiting once the results are in, is not waiting for the pool.
    const endAt = run.trace.find((e) => e.event === 'output' && e.pid === run.pid && e.text === 'end\n')?.t ?? Infinity
    const joined = run.trace.some((e) => e.event === 'unblock' && e.pid === run.pid && e.on === 'join pool' && e.t <= endAt)
    program.that(joined, t('noPoolJoin'), { expected: t('poolJoinBeforeEnd'), found: t('noPoolJoinFound') })
    program.that(run.lines.at(-1) === 'end', t('nothingAfterEnd'), {
      expected: 'end',
      found: run.lines.at(-1),
    })
  })
})
