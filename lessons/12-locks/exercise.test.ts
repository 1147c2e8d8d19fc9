import { describe, test } from 'vitest'
import { expectProgram, runExercise, type TraceEvent } from '@proclab/harness'

// The solution ends in a few seconds: give up well before vitest does.
const run = await runExercise(import.meta.url, {
  timeout: 40_000,
  timeoutHint:
    'Did you turn the RLock of part 3 into a plain Lock? add() takes the lock that addAndReport() already holds: an RLock ' +
    'counts that second hold, a Lock waits for itself forever.',
})
const program = expectProgram(run)

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

const lockEvents = run.trace.filter((e) => (e.event === 'acquire' || e.event === 'release') && (e.kind === 'Lock' || e.kind === 'RLock'))

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

describe('lesson 12: locks', () => {
  test('the program exits normally', () => {
    program.exitCode(0, 'The program should finish without an error.')
  })

  test('the unlocked race ran (its total is printed, not judged)', () => {
    // How many updates the race loses changes from run to run, and may even be none: nothing is asserted about it.
    program.line(UNLOCKED_TOTAL, 'Keep part 1 and its line `unlocked total: … of …`: it shows what the lock prevents.')
  })

  test("every locked worker took the counter's lock", () => {
    const names = Array.from({ length: WORKERS }, (_, i) => `locked-${i + 1}`)
    const without = names.filter((name) => !lockEventsOf(name).some((e) => e.event === 'acquire'))
    program.that(
      without.length === 0,
      without.length === WORKERS
        ? 'No locked worker ever took a lock, so part 2 is still the race of part 1: it may come out right on one run ' +
            'and wrong on the next. In addLocked(), do the increment while holding the counter\'s lock: ' +
            '`await counter.getLock().runExclusive(() => { counter.value += 1 })`.'
        : `Some locked workers never took a lock (${without.join(', ')}). Every worker must take the counter's lock ` +
            'around its increment: `await counter.getLock().runExclusive(() => { counter.value += 1 })`.',
      { expected: `acquire events from ${names.join(', ')}`, found: `none from ${without.join(', ')}` },
    )
    const ids = new Set(names.flatMap((name) => lockEventsOf(name).filter((e) => e.event === 'acquire').map((e) => e.id)))
    program.that(
      ids.size === 1,
      'The locked workers took different locks, so none of them kept the others out. A lock protects only against ' +
        'processes that take the same lock: use the counter\'s own, `counter.getLock()`, in every worker ' +
        '(a `new mp.Lock()` made inside a worker is a lock of its own).',
      { expected: 'one lock, shared by all the locked workers', found: `${ids.size} different locks` },
    )
  })

  test(`the locked total is exact: ${WORKERS} x ${INCREMENTS} = ${EXPECTED}`, () => {
    const [, total] = program.line(LOCKED_TOTAL, 'Keep part 2 and its line `locked total: … of …`.')
    program.equal(
      Number(total),
      EXPECTED,
      `The locked total was ${total}, not ${EXPECTED}: some updates were lost, so some increment ran outside the lock. ` +
        'Did you wrap the whole of `counter.value += 1` (its read and its write) in ' +
        '`await counter.getLock().runExclusive(() => { … })`, and await it?',
    )
  })

  test('each child of part 3 held the RLock around its add and its report, and add() took it again inside', () => {
    for (const name of ['rlock-1', 'rlock-2']) {
      const events = lockEventsOf(name)
      program.that(
        deepestHold(events) >= 2,
        events.length === 0
          ? `${name} never took a lock: keep add() as it is (it takes the lock), and hold the lock in addAndReport() too.`
          : `${name} took the lock only inside add(), never around the whole of addAndReport(), so the other child could ` +
              'add between its add and its report. Wrap the body of addAndReport() in ' +
              '`await lock.runExclusive(async () => { … })`. Then add() takes the same lock a second time, from inside: ' +
              'an RLock allows that, because its holder is this very process.',
        { expected: `${name} holding the RLock twice at once`, found: `at most ${deepestHold(events)} hold(s) at once` },
      )
    }
  })

  test('the children reported 11 (or 21) and then 31', () => {
    const reports = program.lines(RLOCK_REPORT)
    program.equal(
      reports.map((m) => m[1]).sort(),
      ['rlock-1', 'rlock-2'],
      'Each child of part 3 should print `rlock: rlock-N pid=… added …, data[0] is now …` once: keep that line in addAndReport().',
    )
    const seen = reports.map((m) => Number(m[3])).sort((a, b) => a - b)
    const ok = seen[1] === 31 && (seen[0] === 11 || seen[0] === 21)
    program.that(
      ok,
      seen[0] === 31
        ? 'Both children reported 31: the second child added while the first was still between its add and its report. ' +
            'Hold the lock for the whole of addAndReport(), so that whoever comes first reports 1 + its own amount ' +
            '(11 or 21), and the second reports 31.'
        : 'The child that takes the lock first should report 1 + its own amount (11 or 21), and the other one 31.',
      { expected: '11 and 31, or 21 and 31', found: seen.join(' and ') },
    )
  })

  test('part 3 ends at 31', () => {
    const [, final] = program.line(RLOCK_FINAL, 'The parent should print `rlock: after join, data[0] = …` at the end: keep that line.')
    program.equal(
      Number(final),
      31,
      'data[0] starts at 1 and the children add 10 and 20, so after both joins it should be 31. Keep the add inside ' +
        'add() under the lock, and join both children before the last line.',
    )
  })
})
