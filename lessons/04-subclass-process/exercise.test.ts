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
    }
  })

  test(t('joined'), () => {
    // From the trace: each child had exited before the parent printed its line, which only a join guarantees.
    // (A join of a child that has already exited leaves no trace, so the join itself is not checked here.)
    const line = /^parent: done$/
    const printed = run.trace.find((e) => e.event === 'output' && e.pid === run.pid && String(e.text ?? '').split('\n').some((l) => line.test(l)))
    program.line(line, t('joinedHint'), { from: 'main' })
    for (const e of run.trace.filter((e) => e.event === 'spawn' && e.ppid === run.pid)) {
      const exited = run.trace.find((x) => x.event === 'exit' && x.pid === e.pid)
      program.that(exited !== undefined && printed !== undefined && exited.t <= printed.t, t('joinedHint'), {
        expected: t('exitedBefore', { child: String(e.name) }),
        found: t('stillRunning', { child: String(e.name) }),
      })
    }
  })
})
