import { describe, test } from 'vitest'
import { expectProgram, runExercise, translator } from '@proclab/harness'
import { messages } from './messages.ts'

const t = translator(messages)

const run = await runExercise(import.meta.url, {
  // The solution ends in about a second; a heartbeat that loops forever without being a daemon never ends.
  timeout: 15_000,
  leakHint: t('leak'),
})
const program = expectProgram(run)

// `heartbeat pid=<pid> daemon=<flag>`, printed by the parent right after start().
function heartbeatLine(): { pid: number; printedDaemon: boolean } {
  const [, pid, daemon] = program.line(/^heartbeat pid=(\d+) daemon=(true|false)$/, t('printHeartbeat'))
  return { pid: Number(pid), printedDaemon: daemon === 'true' }
}

describe(t('lesson'), () => {
  test(t('exits'), () => {
    program.exitCode(0, t('exitsHint'))
  })

  test(t('workerFinished'), () => {
    program.before(/^worker done$/, /^parent done$/, t('workerFinishedHint'))
    program.line(/^worker done$/, t('workerPrintsHint'), { from: 'worker' })
    // A sleep long enough looks the same in the output; the trace shows whether the parent joined the worker.
    program.joinedChildren(t('joinWorkerHint'), { before: /^parent done$/, children: ['worker'] })
  })

  test(t('startedAsDaemon'), () => {
    const { pid, printedDaemon } = heartbeatLine()
    const spawn = run.trace.find((e) => e.event === 'spawn' && e.pid === pid)
    program.that(spawn !== undefined, t('notStarted'), { expected: t('aSpawnEvent', { pid }), found: t('none') })
    // The trace records the flag the child was really started with; the printed flag is the fallback.
    const daemon = typeof spawn!.daemon === 'boolean' ? spawn!.daemon : printedDaemon
    program.that(daemon, t('notDaemon'), { expected: 'daemon=true', found: 'daemon=false' })
    const worker = run.trace.find((e) => e.event === 'spawn' && e.ppid === run.pid && e.name === 'worker')
    program.that(worker?.daemon !== true, t('workerDaemon'), { expected: t('workerOrdinary'), found: 'daemon=true' })
  })

  test(t('endedWithParent'), () => {
    const { pid } = heartbeatLine()
    const hint = t('ranOn')
    program.count(/^heartbeat stopped by itself/, 0, hint)
    // The parent records a child's exit only while it is still there to see it: an exit code 0 here means it waited.
    const ownEnd = run.trace.find((e) => e.event === 'exit' && e.pid === pid && e.exitCode === 0)
    program.that(ownEnd === undefined, hint, { expected: t('noOwnExit'), found: t('ownExit') })
    // A daemon ends as its parent exits: stopped by the parent's own code before its last line, the flag did nothing.
    const doneAt = run.trace.find((e) => e.event === 'output' && e.pid === run.pid && String(e.text).includes('parent done'))?.t ?? Infinity
    const endedEarly = run.trace.find((e) => e.event === 'exit' && e.pid === pid && e.t < doneAt)
    program.that(endedEarly === undefined, t('endedBeforeDone'), {
      expected: t('aliveAtDone'),
      found: t('exitedBeforeDone', { code: String(endedEarly?.exitCode) }),
    })
  })
})
