import { describe, test } from 'vitest'
import { expectProgram, runExercise, translator } from '@proclab/harness'
import { messages } from './messages.ts'

const t = translator(messages)

const run = await runExercise(import.meta.url)
const program = expectProgram(run)

// `child-1 pid=… sees names=["child-1"] age=23`, printed by each child after its change.
const CHILD = /^(child-\d+) pid=(\d+) sees names=(\[.*\]) age=(-?\d+)$/
// `parent pid=… after: names=[] age=22`, printed by the parent after both joins.
const PARENT_AFTER = /^parent pid=(\d+) after: names=(\[.*\]) age=(-?\d+)$/

describe(t('lesson'), () => {
  test(t('exits'), () => {
    program.exitCode(0, t('exitsHint'))
  })

  test(t('twoChildren'), () => {
    const who = program.lines(CHILD).map((m) => m[1])
    program.equal([...who].sort(), ['child-1', 'child-2'], t('twoChildrenHint'))
    // The children printed them: a parent that calls change() itself, or prints their lines, did their work.
    program.count(CHILD, 2, t('childrenPrint'), { from: 'child' })
  })

  test(t('ownProcess'), () => {
    const [, parentPid] = program.line(PARENT_AFTER, t('printParentAfter'))
    program.distinct([parentPid, ...program.lines(CHILD).map((m) => m[2])], t('repeatedPid'))
  })

  const CHANGES = [
    ['child-1', '["child-1"]', 23],
    ['child-2', '["child-2"]', 32],
  ] as const
  for (const [who, names, age] of CHANGES) {
    test(t('ownChange', { who }), () => {
      const line = program.lines(CHILD).find((m) => m[1] === who)
      program.that(line !== undefined, t('printChild', { who }), { expected: t('aChildLine', { who, names, age }), found: t('noSuchLine') })
      const [, , , seenNames, seenAge] = line!
      const hint = seenNames === '[]' ? t('unchanged', { who }) : t('onlyOwn', { who })
      program.equal(`names=${seenNames} age=${seenAge}`, `names=${names} age=${age}`, hint)
    })
  }

  test(t('parentOriginal'), () => {
    program.before(CHILD, PARENT_AFTER, t('afterLast'))
    // From the trace: the parent's own join of each child returned before its after line; a long sleep does not count.
    program.joinedChildren(t('joinedBoth'), { before: PARENT_AFTER })
    // From the program's own order of start() and join(): the second child runs while the first one runs.
    program.startedTogether(t('startBothFirst'))
    const [, , names, age] = program.line(PARENT_AFTER, t('printParentAfter'))
    program.equal(`names=${names} age=${age}`, 'names=[] age=22', t('parentUnchanged'))
  })
})
