import { describe, test } from 'vitest'
import { expectProgram, runExercise } from '@proclab/harness'

const run = await runExercise(import.meta.url)
const program = expectProgram(run)

const CHILD_FINISHED = /^child laoniao: finished$/
const PARENT_DONE = /^parent: done\b/

describe('lesson 02: waiting for a child with join', () => {
  test('the program exits normally', () => {
    program.exitCode(0, 'The program should finish without an error.')
  })

  test('the child ran once, to the end', () => {
    program.count(
      CHILD_FINISHED,
      1,
      'Exactly one line `child laoniao: finished` should appear. None means the child never ran to the end: keep ' +
        "`new mp.Process({ target: work, args: ['laoniao'] })` and `p.start()`. More than one means the code that starts " +
        'it runs again in the child: keep it inside `if (mp.isMain(import.meta))`.',
    )
  })

  test("the child finished before the parent's last line", () => {
    program.before(
      CHILD_FINISHED,
      PARENT_DONE,
      "The parent printed 'parent: done' before the child finished. `p.start()` returns at once and the child runs " +
        'alongside the parent, so the parent must wait for it: did you `await p.join()` before the last line? ' +
        '(Without `await`, join() only hands back a Promise and the parent carries straight on.)',
    )
  })
})
