import { describe, test } from 'vitest'
import { expectProgram, runExercise, translator } from '@proclab/harness'
import { messages } from './messages.ts'

const t = translator(messages)

const run = await runExercise(import.meta.url)
const program = expectProgram(run)

const CHILD_FINISHED = /^child laoniao: finished$/
const PARENT_DONE = /^parent: done\b/
// The parent's last line shows a negative exit code when the child was killed by a signal (terminate(), kill()).
const KILLED = /^parent: done, child exitCode=-\d+$/

describe(t('lesson'), () => {
  test(t('exits'), () => {
    program.exitCode(0, t('exitsHint'))
  })

  test(t('childRanOnce'), () => {
    const killed = program.lines(KILLED).length > 0
    program.count(CHILD_FINISHED, 1, killed ? t('childKilledHint') : t('childRanOnceHint'))
    // The child printed it: a parent that prints the child's lines itself did the child's work.
    program.line(CHILD_FINISHED, t('childPrintsItself'), { from: 'child' })
  })

  test(t('childFirst'), () => {
    program.before(CHILD_FINISHED, PARENT_DONE, t('childFirstHint'))
  })

  test(t('joined'), () => {
    // Read from the trace: the parent's own `await p.join()` returned before its last line. A sleep long
    // enough for the child puts the lines in the right order without any join.
    program.joinedChildren(t('joinedHint'), { before: PARENT_DONE })
  })

  test(t('readsExitCode'), () => {
    // After the join the exit code is known: the child returned normally, so it is 0.
    const [, code] = program.line(/^parent: done, child exitCode=(\S+)$/, t('printExitCode'))
    const hint = code === 'undefined' ? t('exitCodeUndefined') : t('exitCodeNotZero', { code: code! })
    program.equal(`exitCode=${code}`, 'exitCode=0', hint)
  })
})
