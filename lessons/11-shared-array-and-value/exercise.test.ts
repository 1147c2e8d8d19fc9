import { describe, test } from 'vitest'
import { expectProgram, runExercise } from '@proclab/harness'

// The solution ends in about a second: give up well before vitest does.
const run = await runExercise(import.meta.url, { timeout: 20_000 })
const program = expectProgram(run)

// `child pid=4242: wrote ints=[250,500,-7] real=36.6 letter=Z plain=250`, printed by the child after its writes.
const CHILD = /^child pid=(\d+): wrote ints=(\S*) real=(\S*) letter=(\S*) plain=(\S*)$/
// `parent pid=4200 after join (exitCode=0): ints=[250,500,-7] real=36.6 letter=Z plain=0`, printed after the join.
const PARENT = /^parent pid=(\d+) after join \(exitCode=(\S+)\): ints=(\S*) real=(\S*) letter=(\S*) plain=(\S*)$/

/** The parent's last line, split into what it read. */
function parentRead(): { pid: string; exitCode: string; ints: string; real: string; letter: string; plain: string } {
  const [, pid, exitCode, ints, real, letter, plain] = program.line(
    PARENT,
    'The parent should print `parent pid=… after join (exitCode=…): ints=… real=… letter=… plain=…` at the end: keep that line.',
  )
  return { pid: pid!, exitCode: exitCode!, ints: ints!, real: real!, letter: letter!, plain: plain! }
}

/** What to say when the parent still reads the initial value: the object was copied, not shared. */
const copied = (name: string, shared: string) =>
  `After the join the parent still reads the initial value of \`${name}\`, so the child wrote into a copy of its own. An ordinary ` +
  `object handed over in args is copied into the child (lessons 07 and 08); shared memory is not. Create \`${name}\` as ` +
  `\`${shared}\` in the parent, before start(), and pass that.`

describe('lesson 11: sharing memory with Array and Value', () => {
  test('the program exits normally', () => {
    program.exitCode(0, 'The program should finish without an error.')
  })

  test('the child wrote in a process of its own', () => {
    const [, childPid] = program.line(CHILD, 'The child should print `child pid=…: wrote ints=…`: keep the Process that runs work().')
    program.count(CHILD, 1, 'Exactly one child should run work(): keep the code that starts it inside `if (mp.isMain(import.meta))`.')
    program.that(childPid !== parentRead().pid, 'work() should run in the child, not be called by the parent itself.', {
      expected: `a child pid other than ${parentRead().pid}`,
      found: childPid,
    })
  })

  test("the parent read after the child's join", () => {
    program.before(
      CHILD,
      PARENT,
      "The parent's line should come after the child's: `await p.join()` before reading, or the child may not have written yet.",
    )
    program.equal(parentRead().exitCode, '0', 'The parent should read only once the child has exited: keep `await p.join()` before its line.')
  })

  test('the parent read 250, 500 and -7 from the shared Array', () => {
    const { ints } = parentRead()
    const hint =
      ints === '[0,0,0]'
        ? copied('ints', "mp.Array('i', 3)")
        : ints.includes('4294967289')
          ? "-7 came back as 4294967289: that is what typecode 'I' (an unsigned int) makes of it. Use 'i', a signed C int."
          : "The parent should read exactly what the child wrote. Create ints with `mp.Array('i', 3)`: three signed C ints."
    program.equal(ints, '[250,500,-7]', hint)
  })

  test("the parent read 36.6 from the 'd' Value", () => {
    const { real } = parentRead()
    const hint =
      real === '0'
        ? copied('real', "mp.Value('d', 0)")
        : /holds whole numbers/.test(run.stderr)
          ? "Writing 36.6 threw a TypeError in the child: an integer typecode such as 'i' holds whole numbers only (Python " +
            "refuses it too). A number with a fraction needs a floating-point typecode: 'd' (a C double, the same as a JavaScript number)."
          : real.startsWith('36.599')
            ? "36.6 came back slightly off: typecode 'f' is a 4-byte float, which cannot hold 36.6 exactly. Use 'd', an 8-byte " +
              'double, the same as a JavaScript number.'
            : "The parent should read exactly what the child wrote: create real with `mp.Value('d', 0)`."
    program.equal(real, '36.6', hint)
  })

  test("the parent read 'Z' from the 'c' Value", () => {
    const { letter } = parentRead()
    const hint = letter === '-' ? copied('letter', "mp.Value('c', '-')") : "Create letter with `mp.Value('c', '-')`: typecode 'c' holds one character."
    program.equal(letter, 'Z', hint)
  })

  test("a module-level variable is still not shared: the parent's plain is 0", () => {
    const { plain } = parentRead()
    program.equal(
      plain,
      '0',
      'The child set its own copy of `plain` to 250; the parent has a copy of its own, which should still be 0 (lesson 07). ' +
        'Only what lives in shared memory is shared. If the parent sees 250, work() ran in the parent: leave it to the child.',
    )
  })
})
