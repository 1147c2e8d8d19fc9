import { describe, test } from 'vitest'
import { expectProgram, runExercise, translator } from '@proclab/harness'
import { messages } from './messages.ts'

const t = translator(messages)
const run = await runExercise(import.meta.url)
const program = expectProgram(run)

describe(t('lesson'), () => {
  test(t('exits'), () => {
    program.exitCode(0, t('exitsHint'))
  })

  test(t('oneChild'), () => {
    program.count(/^child kurong 18 pid=\d+ ppid=\d+$/, 1, t('oneChildHint'))
  })

  test(t('ownPid'), () => {
    const [, childPid, childPpid] = program.line(/^child kurong 18 pid=(\d+) ppid=(\d+)$/, t('childPrintsPids'))
    const [, parentPid] = program.line(/^parent pid=(\d+)$/, t('parentPrintsPid'))
    program.that(childPid !== parentPid, t('samePid'), { expected: t('otherPid', { pid: parentPid! }), found: childPid })
    program.equal(childPpid, parentPid, t('ppidIsParent'))
  })
})
