import { describe, test } from 'vitest'
import { expectProgram, runExercise, translator } from '@proclab/harness'
import { messages } from './messages.ts'

const t = translator(messages)

// The solution ends in about a second: give up well before vitest does.
const run = await runExercise(import.meta.url, { timeout: 20_000 })
const program = expectProgram(run)

// `child pid=4242: wrote ints=[250,4242,-7] real=36.6 letter=Z plain=250`, printed by the child after its writes.
const CHILD = /^child pid=(\d+): wrote ints=(\S*) real=(\S*) letter=(\S*) plain=(\S*)$/
// `parent pid=4200 after join (exitCode=0): ints=[250,4242,-7] real=36.6 letter=Z plain=0`, printed after the join.
const PARENT = /^parent pid=(\d+) after join \(exitCode=(\S+)\): ints=(\S*) real=(\S*) letter=(\S*) plain=(\S*)$/

/** The parent's last line, split into what it read. */
function parentRead(): { pid: string; exitCode: string; ints: string; real: string; letter: string; plain: string } {
  const [, pid, exitCode, ints, real, letter, plain] = program.line(PARENT, t('printParent'))
  return { pid: pid!, exitCode: exitCode!, ints: ints!, real: real!, letter: letter!, plain: plain! }
}

/** What to say when the parent still reads the initial value: the object was copied, not shared. */
const copied = (name: string, shared: string) => t('copied', { name, shared })

describe(t('lesson'), () => {
  test(t('exits'), () => {
    program.exitCode(0, t('exitsHint'))
    // A child that crashed does not fail the parent's exit code: say so first, with the hint for its error.
    const crash = /^Process [^\n]*:\n([^\n]*)/m.exec(run.stderr)
    const hint = /holds whole numbers/.test(run.stderr) ? t('wholeNumbers') : t('childCrashed')
    program.that(crash === null, hint, { expected: t('noChildError'), found: crash?.[1] ?? '' })
  })

  test(t('ownProcess'), () => {
    program.line(CHILD, t('printChild'))
    const [, childPid] = program.line(CHILD, t('childLine'), { from: 'child' })
    program.count(CHILD, 1, t('oneChild'))
    program.that(childPid !== parentRead().pid, t('notInParent'), {
      expected: t('otherPid', { pid: parentRead().pid }),
      found: childPid,
    })
  })

  test(t('afterJoin'), () => {
    program.before(CHILD, PARENT, t('lineAfterChild'))
    program.equal(parentRead().exitCode, '0', t('readAfterExit'))
    // From the trace: the parent's own join returned before it read; a sleep only guesses that the child is done writing.
    program.joinedChildren(t('joinBeforeRead'), { before: PARENT })
  })

  test(t('sharedArray'), () => {
    const { ints } = parentRead()
    // The pid the child wrote into ints[1], from its own line, and the pid of the process that printed it.
    const childPid = program.lines(CHILD, { from: 'child' })[0]?.[1] ?? '?'
    const [a, b, c] = ints.replace(/^\[|\]$/g, '').split(',')
    const hint =
      ints === '[0,0,0]' ? copied('ints', "mp.Array('i', 3)") : c === '4294967289' ? t('unsigned') : a !== '250' ? t('tooSmall', { found: a ?? '' }) : b !== childPid ? t('notTheChildsPid') : t('signedInts')
    program.equal([a, b, c], ['250', childPid, '-7'], hint)
  })

  test(t('doubleValue'), () => {
    const { real } = parentRead()
    const hint =
      real === '0'
        ? copied('real', "mp.Value('d', 0)")
        : /holds whole numbers/.test(run.stderr)
          ? t('wholeNumbers')
          : real.startsWith('36.599')
            ? t('float')
            : t('createReal')
    program.equal(real, '36.6', hint)
  })

  test(t('charValue'), () => {
    const { letter } = parentRead()
    const hint = letter === '-' ? copied('letter', "mp.Value('c', '-')") : t('createLetter')
    program.equal(letter, 'Z', hint)
  })

  test(t('plainNotShared'), () => {
    const { plain } = parentRead()
    program.equal(plain, '0', t('plainNotSharedHint'))
  })
})
