import { describe, test } from 'vitest'
import { expectProgram, runExercise } from '@proclab/harness'

const run = await runExercise(import.meta.url)
const program = expectProgram(run)

const CALLERS = ['child 1', 'child 2', 'parent'] as const
const reportOf = (caller: string) => new RegExp(`^${caller}: pid=(\\d+) ppid=(\\d+)\\b`)

/** The pid and ppid that `caller`'s line reported. */
function report(caller: string): { pid: string; ppid: string } {
  const [, pid, ppid] = program.line(reportOf(caller), `whoRunsMe('${caller}') should print \`${caller}: pid=… ppid=…\`.`)
  return { pid: pid!, ppid: ppid! }
}

describe('lesson 03: who runs a function', () => {
  test('the program exits normally', () => {
    program.exitCode(0, 'The program should finish without an error.')
  })

  test.each(CALLERS)('whoRunsMe was called once for %s', (caller) => {
    program.count(
      reportOf(caller),
      1,
      `Exactly one line \`${caller}: pid=… ppid=…\` should appear. None means whoRunsMe('${caller}') never ran: ` +
        (caller === 'parent'
          ? "keep the parent's own call `whoRunsMe('parent')` at the end."
          : `give it to a Process with \`target: whoRunsMe, args: ['${caller}']\` and start() it.`) +
        ' More than one means the code that starts children runs again in each child: keep it inside `if (mp.isMain(import.meta))`.',
    )
  })

  test('three different processes ran the same function', () => {
    const pids = CALLERS.map((caller) => report(caller).pid)
    const parentPid = pids[2]
    const inParent = CALLERS.filter((caller, i) => caller !== 'parent' && pids[i] === parentPid)
    const hint =
      inParent.length > 0
        ? `${inParent.map((c) => `'${c}'`).join(' and ')} printed the parent's pid, so whoRunsMe ran in the parent. ` +
          `Calling \`whoRunsMe('child 1')\` yourself runs it in the process that calls it. Pass the function, uncalled, ` +
          `as a Process's target (\`new mp.Process({ target: whoRunsMe, args: ['child 1'] })\`) and start() it: then the child calls it.`
        : 'Each caller should be a different process: two children and the parent. Start one Process per child.'
    program.distinct(pids, hint)
  })

  test("each child's parent is the program", () => {
    const parentPid = report('parent').pid
    for (const caller of CALLERS.slice(0, 2)) {
      const { pid, ppid } = report(caller)
      program.equal(
        ppid,
        parentPid,
        `'${caller}' reported ppid=${ppid}, but the parent's pid is ${parentPid}. A child's ppid is the pid of the process ` +
          `that started it.` +
          (pid === parentPid ? ` This line came from the parent itself (same pid ${pid}), so its ppid is the parent's own parent: run whoRunsMe('${caller}') in a child.` : ''),
      )
    }
  })
})
