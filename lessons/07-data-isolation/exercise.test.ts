import { describe, test } from 'vitest'
import { expectProgram, runExercise } from '@proclab/harness'

const run = await runExercise(import.meta.url)
const program = expectProgram(run)

// `child-1 pid=… sees names=["child-1"] age=23`, printed by each child after its change.
const CHILD = /^(child-\d+) pid=(\d+) sees names=(\[.*\]) age=(-?\d+)$/
// `parent pid=… after: names=[] age=22`, printed by the parent after both joins.
const PARENT_AFTER = /^parent pid=(\d+) after: names=(\[.*\]) age=(-?\d+)$/

describe('lesson 07: each process has its own data', () => {
  test('the program exits normally', () => {
    program.exitCode(0, 'The program should finish without an error.')
  })

  test('two children each printed what they see', () => {
    const who = program.lines(CHILD).map((m) => m[1])
    program.equal(
      [...who].sort(),
      ['child-1', 'child-2'],
      "Each child should print one `child-N pid=… sees names=… age=…` line. Start a second Process with `target: change, args: ['child-2', 10]` " +
        'next to the first, and `await` its join too.',
    )
  })

  test('each child ran in a process of its own', () => {
    const [, parentPid] = program.line(PARENT_AFTER, 'The parent should still print `parent pid=… after: names=… age=…` at the end.')
    program.distinct(
      [parentPid, ...program.lines(CHILD).map((m) => m[2])],
      'The parent and each child should print a different pid. A repeated pid means change() was called directly instead of through a Process.',
    )
  })

  test.each([
    ['child-1', '["child-1"]', 23],
    ['child-2', '["child-2"]', 32],
  ] as const)('%s saw only its own change', (who, names, age) => {
    const line = program.lines(CHILD).find((m) => m[1] === who)
    program.that(line !== undefined, `${who} should print what it sees: start it as a Process running change().`, {
      expected: `a line \`${who} pid=… sees names=${names} age=${age}\``,
      found: 'no such line',
    })
    const [, , , seenNames, seenAge] = line!
    const hint =
      seenNames === '[]'
        ? `${who} saw the list and the number unchanged: in change(), push \`who\` onto names and add \`years\` to age before printing.`
        : `${who} should see only its own change: its own fresh copy of the module, with just '${who}' in the list and 22 plus its own years. ` +
          'If it saw the other child too, both changes happened in one process: run each call of change() in its own Process.'
    program.equal(`names=${seenNames} age=${seenAge}`, `names=${names} age=${age}`, hint)
  })

  test('the parent still sees the original data after the joins', () => {
    program.before(
      CHILD,
      PARENT_AFTER,
      "The parent's `after:` line should come after both children's lines: `await` the join of every child before printing it.",
    )
    const [, , names, age] = program.line(PARENT_AFTER, 'The parent should still print `parent pid=… after: names=… age=…` at the end.')
    program.equal(
      `names=${names} age=${age}`,
      'names=[] age=22',
      "The children changed their own copies, so the parent's names should still be [] and its age 22. If they changed, the parent called change() itself: leave that to the children.",
    )
  })
})
