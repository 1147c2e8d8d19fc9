import { describe, test } from 'vitest'
import { expectProgram, runExercise, translator } from '@proclab/harness'
import { messages } from './messages.ts'

const t = translator(messages)
const run = await runExercise(import.meta.url)
const program = expectProgram(run)

describe(t('lesson'), () => {
  test(t('exits'), () => {
    program.exitCode(0, t('exitsHint'))
    // A child that crashed does not change the parent's exit code: its error on stderr is the root cause.
    program.that(!/Error\b/.test(run.stderr), t('childCrashed'))
  })

  test(t('oneChild'), () => {
    program.count(/^child kurong 18 pid=\d+ ppid=\d+$/, 1, t('oneChildHint'))
    // The child process itself printed it: a parent that prints the line with p.pid and process.pid did the child's job.
    program.line(/^child kurong 18 pid=\d+ ppid=\d+$/, t('childPrintsItself'), { from: 'child' })
  })

  test(t('ownPid'), () => {
    const [, childPid, childPpid] = program.line(/^child kurong 18 pid=(\d+) ppid=(\d+)$/, t('childPrintsPids'))
    const [, parentPid] = program.line(/^parent pid=(\d+)$/, t('parentPrintsPid'))
    // The parent's own line: a child that prints `parent pid=` with its process.ppid only imitates it.
    program.line(/^parent pid=\d+$/, t('parentLineFromParent'), { from: 'main' })
    program.that(childPid !== parentPid, t('samePid'), { expected: t('otherPid', { pid: parentPid! }), found: childPid })
    program.equal(childPpid, parentPid, t('ppidIsParent'))
  })

  test(t('joined'), () => {
    // Read from the trace: the parent's own `await p.join()` returned before it printed its line.
    program.joinedChildren(t('joinedHint'), { before: /^parent pid=\d+$/ })
  })
})
