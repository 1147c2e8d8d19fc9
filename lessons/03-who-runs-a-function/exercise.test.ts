import { describe, test } from 'vitest'
import { expectProgram, runExercise, translator } from '@proclab/harness'
import { messages } from './messages.ts'

const t = translator(messages)

const run = await runExercise(import.meta.url)
const program = expectProgram(run)

const CALLERS = ['child 1', 'child 2', 'parent'] as const
const reportOf = (caller: string) => new RegExp(`^${caller}: pid=(\\d+) ppid=(\\d+)\\b`)

/** The pid and ppid that `caller`'s line reported. */
function report(caller: string): { pid: string; ppid: string } {
  const [, pid, ppid] = program.line(reportOf(caller), t('reports', { caller }))
  return { pid: pid!, ppid: ppid! }
}

describe(t('lesson'), () => {
  test(t('exits'), () => {
    program.exitCode(0, t('exitsHint'))
  })

  for (const caller of CALLERS) {
    test(t('calledOnce', { caller }), () => {
      program.count(reportOf(caller), 1, caller === 'parent' ? t('calledOnceByParent', { caller }) : t('calledOnceByChild', { caller }))
      // A child's line comes from a child process: a parent that prints it with p.pid and process.pid only imitates it.
      if (caller !== 'parent') program.line(reportOf(caller), t('printedByChild', { caller }), { from: 'child' })
    })
  }

  test(t('differentProcesses'), () => {
    const pids = CALLERS.map((caller) => report(caller).pid)
    const parentPid = pids[2]
    const inParent = CALLERS.filter((caller, i) => caller !== 'parent' && pids[i] === parentPid)
    const callers = inParent.length === 2 ? t('bothChildren') : `'${inParent[0]}'`
    program.distinct(pids, inParent.length > 0 ? t('ranInParent', { callers }) : t('onePerCaller'))
  })

  test(t('childrenOfProgram'), () => {
    const parentPid = report('parent').pid
    for (const caller of CALLERS.slice(0, 2)) {
      const { pid, ppid } = report(caller)
      const found = { caller, ppid, parentPid, pid }
      program.equal(ppid, parentPid, pid === parentPid ? t('wrongPpidFromParent', found) : t('wrongPpid', found))
    }
  })

  test(t('joined'), () => {
    // From the trace: the parent's own `await p.join()` of each child returned before its line. A sleep that
    // happens to be long enough, or proclab's join at exit, does not count.
    program.joinedChildren(t('joinedHint'), { before: reportOf('parent') })
    // From the program's own order of start() and join(): both children run at the same time.
    program.startedTogether(t('startBothFirst'))
  })
})
