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
    // A crash (in the parent or in a child, whose error leaves the parent's exit code at 0) is the root cause: say it first.
    const error = /^(\w*Error)\b.*$/m.exec(run.stderr)
    program.exitCode(0, error === null ? t('exitsHint') : t('childCrashed', { error: error[0] }))
    program.that(error === null, t('childCrashed', { error: error?.[0] ?? '' }))
  })

  test(t('ranTwice'), () => {
    program.count(RUN_LINE, 2, t('ranTwiceHint'))
    // Each run() line comes from a child: a parent calling p.run() itself, or printing the lines, did the children's job.
    program.count(RUN_LINE, 2, t('ranInChildren'), { from: 'child' })
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
      // The person lives in a field of its own: a process renamed after its person only prints its name twice.
      program.that(own![1] !== person, t('personIsName', { person }), { expected: t('defaultName'), found: `run() in ${own![1]}: person=${person}` })
    }
  })

  test(t('joined'), () => {
    // From the trace: the parent's own `await p.join()` of each child returned before its line. A sleep that
    // happens to be long enough, or proclab's join at exit, does not count.
    program.joinedChildren(t('joinedHint'), { before: /^parent: done$/ })
  })
})
