import { describe, test } from 'vitest'
import { expectProgram, runExercise, translator, type ProgramExpectations, type ProgramRun, type TraceEvent } from '@proclab/harness'
import { messages } from './messages.ts'

const t = translator(messages)

// The solution ends in a few seconds: give up well before vitest does.
// A run that never ends fails the first check, with the lesson's words on what waits on what.
let finished: ProgramRun | undefined
let unfinished: unknown
try {
  finished = await runExercise(import.meta.url, {
    timeout: 40_000,
    timeoutHint: t('timeout'),
  })
} catch (error) {
  unfinished = error
}
/** The checks of the run; throws the timeout's failure when the program never ended. */
function checks(): ProgramExpectations {
  if (finished === undefined) throw unfinished
  return expectProgram(finished)
}

const WORKERS = 4
const INCREMENTS = 5000
const EXPECTED = WORKERS * INCREMENTS
// `unlocked total: 11359 of 20000 (8641 updates lost)` and the same for `locked`.
const UNLOCKED_TOTAL = /^unlocked total: (-?\d+) of (\d+)\b/
const LOCKED_TOTAL = /^locked total: (-?\d+) of (\d+)\b/
// `rlock: rlock-1 pid=4242 added 10, data[0] is now 11`, printed by each child of part 3 after its add.
const RLOCK_REPORT = /^rlock: (rlock-\d) pid=\d+ added (\d+), data\[0\] is now (-?\d+)$/
// `rlock: after join, data[0] = 31`, printed by the parent at the end.
const RLOCK_FINAL = /^rlock: after join, data\[0\] = (-?\d+)$/

const lockEvents = (finished?.trace ?? []).filter((e) => (e.event === 'acquire' || e.event === 'release') && (e.kind === 'Lock' || e.kind === 'RLock'))

/** The lock events of the process named `name` (the workers and children are named in the program). */
function lockEventsOf(name: string): TraceEvent[] {
  return lockEvents.filter((e) => e.name === name)
}

/** The most holds the process had at once on any single lock: 2 means it took a lock it already held. */
function deepestHold(events: TraceEvent[]): number {
  const depth = new Map<unknown, number>()
  let deepest = 0
  for (const e of events) {
    const now = (depth.get(e.id) ?? 0) + (e.event === 'acquire' ? 1 : -1)
    depth.set(e.id, now)
    deepest = Math.max(deepest, now)
  }
  return deepest
}

describe(t('lesson'), () => {
  test(t('exits'), () => {
    const program = checks()
    program.exitCode(0, t('exitsHint'))
  })

  test(t('raceRan'), () => {
    const program = checks()
    // How many updates the race loses changes from run to run, and may even be none: nothing is asserted about it.
    program.line(UNLOCKED_TOTAL, t('raceRanHint'))
  })

  test(t('tookLock'), () => {
    const program = checks()
    const names = Array.from({ length: WORKERS }, (_, i) => `locked-${i + 1}`)
    const without = names.filter((name) => !lockEventsOf(name).some((e) => e.event === 'acquire'))
    program.that(without.length === 0, without.length === WORKERS ? t('noWorkerLocked') : t('someUnlocked', { workers: without.join(', ') }), {
      expected: t('acquiresFrom', { workers: names.join(', ') }),
      found: t('noneFrom', { workers: without.join(', ') }),
    })
    const ids = new Set(names.flatMap((name) => lockEventsOf(name).filter((e) => e.event === 'acquire').map((e) => e.id)))
    program.that(ids.size === 1, t('differentLocks'), { expected: t('oneLock'), found: t('locksFound', { count: ids.size }) })
  })

  test(t('exactTotal', { workers: WORKERS, increments: INCREMENTS, expected: EXPECTED }), () => {
    const program = checks()
    const [, total] = program.line(LOCKED_TOTAL, t('printLockedTotal'))
    program.equal(Number(total), EXPECTED, t('lostUpdates', { total, expected: EXPECTED }))
    // The total is final only once every locked worker has exited: the trace shows the parent joined each one.
    const names = Array.from({ length: WORKERS }, (_, i) => `locked-${i + 1}`)
    program.joinedChildren(t('joinWorkers'), { before: LOCKED_TOTAL, children: names })
  })

  test(t('heldTwice'), () => {
    const program = checks()
    for (const name of ['rlock-1', 'rlock-2']) {
      const events = lockEventsOf(name)
      program.that(deepestHold(events) >= 2, events.length === 0 ? t('neverLocked', { name }) : t('onlyInsideAdd', { name }), {
        expected: t('holdingTwice', { name }),
        found: t('holdsFound', { count: deepestHold(events) }),
      })
    }
  })

  test(t('reports'), () => {
    const program = checks()
    const reports = program.lines(RLOCK_REPORT)
    program.equal(reports.map((m) => m[1]).sort(), ['rlock-1', 'rlock-2'], t('printReport'))
    const seen = reports.map((m) => Number(m[3])).sort((a, b) => a - b)
    const ok = seen[1] === 31 && (seen[0] === 11 || seen[0] === 21)
    program.that(ok, seen[0] === 31 ? t('both31') : t('firstThenSecond'), { expected: t('expectedReports'), found: seen.join(t('and')) })
  })

  test(t('endsAt31'), () => {
    const program = checks()
    const [, final] = program.line(RLOCK_FINAL, t('printFinal'))
    program.equal(Number(final), 31, t('final31'))
    program.joinedChildren(t('joinRlockChildren'), { before: RLOCK_FINAL, children: ['rlock-1', 'rlock-2'] })
  })
})
