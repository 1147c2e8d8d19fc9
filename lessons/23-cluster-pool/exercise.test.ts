import { describe, test } from 'vitest'
import { redisServerMissing } from '@proclab/cluster'
import { expectProgram, runExercise, translator, type TraceEvent } from '@proclab/harness'
import { messages } from './messages.ts'

const t = translator(messages)

// The program starts a private Redis (or uses PROCLAB_REDIS) and two worker programs, maps over them,
// and kills worker A with SIGKILL once it has started a task. The workers are separate programs that
// share only the Redis URL; each appends its task-start/task-end (with its host, pid, BullMQ job and
// attempt) to the same trace, so the checks read what the workers did, not what the program claims.
const TASKS = 6
const SQUARES = /^main: squares (.*)$/

/** Without Redis this lesson cannot run: it is reported as skipped, with how to install it. */
const redisMissing = redisServerMissing() !== undefined
const run = redisMissing ? undefined : await runExercise(import.meta.url, { timeout: 45_000, timeoutHint: t('timeout') })

/** A task a cluster worker started or ended, from the trace. */
interface ClusterTaskEvent {
  t: number
  worker: string
  event: 'task-start' | 'task-end'
  job: string
  attempt: number
}

/** The cluster workers' own task events; a worker is `host/pid`, as a cluster of machines tells them apart. */
function clusterTasks(trace: readonly TraceEvent[]): ClusterTaskEvent[] {
  return trace
    .filter((e) => e.name === 'ClusterWorker' && (e.event === 'task-start' || e.event === 'task-end'))
    .map((e) => ({ t: e.t, worker: `${String(e.host)}/${e.pid}`, event: e.event as ClusterTaskEvent['event'], job: String(e.job), attempt: Number(e.attempt ?? 0) }))
}

/** Tasks a worker started and never ended itself: it died in the middle of them. */
function cutOff(tasks: ClusterTaskEvent[]): ClusterTaskEvent[] {
  return tasks.filter((start) => start.event === 'task-start' && !tasks.some((end) => end.event === 'task-end' && end.worker === start.worker && end.job === start.job && end.t >= start.t))
}

describe(t('lesson'), () => {
  if (!run) {
    test.skip(t('needsRedis'), () => {})
    return
  }
  const program = expectProgram(run)
  const tasks = clusterTasks(run.trace)

  test(t('finished'), () => {
    const hint = /export/i.test(run.stderr) && /TypeError/.test(run.stderr) ? t('exportTask') : /printed no line matching/.test(run.stderr) ? t('noTaskOnA') : t('crashed')
    program.exitCode(0, hint)
  })

  test(t('bothRan'), () => {
    const workers = [...new Set(tasks.filter((e) => e.event === 'task-start').map((e) => e.worker))]
    program.that(workers.length >= 2, workers.length === 0 ? t('noClusterTasks') : t('oneWorker'), { expected: t('workersFound'), found: workers })
  })

  test(t('rerun'), () => {
    const lost = cutOff(tasks)
    program.that(lost.length > 0, t('noneCutOff'))
    for (const task of lost) {
      const rerun = tasks.find((e) => e.event === 'task-start' && e.job === task.job && e.worker !== task.worker && e.attempt >= 1)
      const ended = rerun !== undefined && tasks.some((e) => e.event === 'task-end' && e.job === task.job && e.worker === rerun.worker)
      program.that(ended, t('notRerun', { worker: task.worker, job: task.job }), {
        expected: t('rerunOn', { job: task.job }),
        found: t('cutOff', { job: task.job, worker: task.worker }),
      })
    }
  })

  test(t('results'), () => {
    const [, printed] = program.line(SQUARES, t('printSquares'), { from: 'main' })
    let squares: unknown
    try {
      squares = JSON.parse(printed!)
    } catch {
      squares = printed
    }
    const expected = Array.from({ length: TASKS }, (_, i) => (i + 1) ** 2)
    const sameSet = Array.isArray(squares) && JSON.stringify([...squares].sort((a, b) => a - b)) === JSON.stringify(expected)
    program.equal(squares, expected, sameSet ? t('order') : t('exactlyOnce', { tasks: TASKS }))
  })
})
