import { describe, test } from 'vitest'
import { expectProgram, runExercise } from '@proclab/harness'

const run = await runExercise(import.meta.url)
const program = expectProgram(run)

describe('lesson 01: starting a process', () => {
  test('the program exits normally', () => {
    program.exitCode(0, 'The program should finish without an error.')
  })

  test('exactly one child ran', () => {
    program.count(
      /^child kurong 18 pid=\d+ ppid=\d+$/,
      1,
      'Exactly one line `child kurong 18 pid=… ppid=…` should appear. None means the child never ran (did you ' +
        'create the Process with `target: greet, args: [\'kurong\', 18]`, call `p.start()`, and fill in greet?). ' +
        'More than one means the code that starts it runs again in the child: keep it inside `if (mp.isMain(import.meta))`.',
    )
  })

  test("the child has its own pid, and its parent's pid is the program's", () => {
    const [, childPid, childPpid] = program.line(/^child kurong 18 pid=(\d+) ppid=(\d+)$/, 'The child should print its pid and ppid.')
    const [, parentPid] = program.line(/^parent pid=(\d+)$/, 'The parent should still print `parent pid=…`.')
    program.that(childPid !== parentPid, 'The child printed the same pid as the parent: print process.pid inside greet, which runs in the child.', {
      expected: `a pid other than ${parentPid}`,
      found: childPid,
    })
    program.equal(childPpid, parentPid, "The child's ppid should be the parent's pid: print process.ppid inside greet.")
  })
})
