import { describe, test } from 'vitest'
import { expectProgram, runExercise, translator } from '@proclab/harness'
import { messages } from './messages.ts'

const t = translator(messages)

const run = await runExercise(import.meta.url)
const program = expectProgram(run)

const CHILD_FINISHED = /^child laoniao: finished$/
const PARENT_DONE = /^parent: done\b/

describe(t('lesson'), () => {
  test(t('exits'), () => {
    program.exitCode(0, t('exitsHint'))
  })

  test(t('childRanOnce'), () => {
    program.count(CHILD_FINISHED, 1, t('childRanOnceHint'))
  })

  test(t('childFirst'), () => {
    program.before(CHILD_FINISHED, PARENT_DONE, t('childFirstHint'))
  })
})
