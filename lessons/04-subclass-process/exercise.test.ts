import { describe, test } from 'vitest'
import { expectProgram, runExercise, translator } from '@proclab/harness'
import { messages } from './messages.ts'

const t = translator(messages)

const run = await runExercise(import.meta.url)
const program = expectProgram(run)

// `this.pid=(\S+)` rather than `(\d+)`: a run() called outside a started child prints `undefined`, and the
// check below should say why instead of finding no line.
const RUN_LINE = /^run\(\) in (\S+): person=(\S+) this\.pid=(\S+) process\.pid=(\d+)$/
const STARTED_LINE = /^parent: started (\S+) pid=(\S+) for (\S+)$/

describe(t('lesson'), () => {
  test(t('exits'), () => {
    program.exitCode(0, t('exitsHint'))
  })

  test(t('ranTwice'), () => {
    program.count(RUN_LINE, 2, t('ranTwiceHint'))
  })

  test(t('thisPid'), () => {
    program.line(RUN_LINE, t('printRunLine'))
    for (const [line, name, , thisPid, processPid] of program.lines(RUN_LINE)) {
      program.that(thisPid === processPid, thisPid === 'undefined' ? t('pidUndefined', { line }) : t('pidOfChild', { name }), {
        expected: `this.pid=${processPid}`,
        found: `this.pid=${thisPid}`,
      })
    }
  })

  test(t('ownField'), () => {
    const started = program.lines(STARTED_LINE)
    program.that(started.length === 2, t('printStarted'), {
      expected: t('linesMatching', { pattern: String(STARTED_LINE) }),
      found: `${started.length}`,
    })
    const runs = program.lines(RUN_LINE)
    for (const [, name, pid, person] of started) {
      program.that(pid !== 'undefined', t('notStarted', { name }), {
        expected: t('aNumber', { name }),
        found: `parent: started ${name} pid=${pid}`,
      })
      const own = runs.find((m) => m[4] === pid)
      program.that(own !== undefined, t('noRunLine', { name, pid }), { expected: t('aRunLine', { pid }), found: t('noSuchLine') })
      program.equal(own![2], person, t('wrongPerson', { name, pid, person }))
    }
  })
})
