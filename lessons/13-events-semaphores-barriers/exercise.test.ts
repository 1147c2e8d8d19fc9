import { describe, test } from 'vitest'
import { expectProgram, runExercise, type TraceEvent } from '@proclab/harness'

// The solution ends in a few seconds: give up well before vitest does.
const run = await runExercise(import.meta.url, {
  timeout: 30_000,
  timeoutHint:
    'A worker that waits for the event must be let go by `await go.set()` in the parent (keep it), and a barrier lets its ' +
    'parties through only once all WORKERS of them have called `finish.wait()`: every worker must reach it, also if it ' +
    'skipped the gate.',
})
const program = expectProgram(run)

const WORKERS = 5
const GATE_SIZE = 2
const NAMES = Array.from({ length: WORKERS }, (_, i) => `worker-${i}`)
const INDEXES = Array.from({ length: WORKERS }, (_, i) => i)
// `worker 3: leaving the gate` and `worker 3: passed the barrier as party 0`, printed by each worker.
const LEAVING = /^worker (\d+): leaving the gate$/
const PASSED = /^worker (\d+): passed the barrier as party (-?\d+)$/

const isSemaphore = (e: TraceEvent) => e.kind === 'Semaphore' || e.kind === 'BoundedSemaphore'
const isWorker = (e: TraceEvent) => NAMES.includes(e.name)
// The gate is the semaphore the workers acquire (the parent acquires only `ready`, which the workers release).
const gateIds = new Set(run.trace.filter((e) => e.event === 'acquire' && isSemaphore(e) && isWorker(e)).map((e) => e.id))
/** The acquire and release events of the gate, in time order; on a tie, a release first (it really came first). */
const gateEvents = run.trace
  .filter((e) => (e.event === 'acquire' || e.event === 'release') && isSemaphore(e) && gateIds.has(e.id))
  .sort((a, b) => a.t - b.t || (a.event === 'release' ? -1 : 0) - (b.event === 'release' ? -1 : 0))
const gateAcquires = gateEvents.filter((e) => e.event === 'acquire')

const NO_BARRIER =
  'No worker printed `worker N: passed the barrier as party P`. After the gate, wait at the barrier ' +
  '(`const position = await finish.wait()`) and then print that line.'
const NO_GATE =
  'No worker went through the gate: the trace has no acquire of a semaphore by any worker. In worker(), wrap the three ' +
  'lines of the gate in `await gate.runExclusive(async () => { … })`.'

describe('lesson 13: Event, Semaphore and Barrier', () => {
  test('the program exits normally', () => {
    program.exitCode(0, 'The program should finish without an error.')
  })

  test('every worker went through the gate', () => {
    const entered = new Set(gateAcquires.map((e) => e.name))
    const missing = NAMES.filter((name) => !entered.has(name))
    program.that(
      missing.length === 0,
      gateAcquires.length === 0
        ? NO_GATE
        : `Some workers never took the gate's semaphore (${missing.join(', ')}): every worker must pass through ` +
            '`gate.runExclusive(…)`, not only some of them.',
      { expected: `an acquire of the gate by each of ${NAMES.join(', ')}`, found: `none by ${missing.join(', ')}` },
    )
  })

  test(`never more than ${GATE_SIZE} workers inside the gate at once (from the trace)`, () => {
    program.that(gateAcquires.length > 0, NO_GATE)
    program.that(
      gateIds.size === 1,
      'The workers acquired more than one semaphore. The gate is one `new mp.Semaphore(GATE_SIZE)`, made by the parent ' +
        'and handed to every worker: a semaphore made inside a worker keeps nobody else out.',
      { expected: 'one gate semaphore', found: `${gateIds.size} semaphores` },
    )
    let inside = 0
    let most = 0
    let when = 0
    for (const e of gateEvents) {
      inside += e.event === 'acquire' ? 1 : -1
      if (inside > most) [most, when] = [inside, e.t]
    }
    const at = gateEvents.filter((e) => e.event === 'acquire' && e.t <= when).map((e) => e.name)
    program.that(
      most <= GATE_SIZE,
      `${most} workers were inside the gate at the same time, but it has room for ${GATE_SIZE}. Keep the gate a ` +
        '`new mp.Semaphore(GATE_SIZE)`, and put the whole visit (inside, sleep, leaving) in `gate.runExclusive(…)`.',
      { expected: `at most ${GATE_SIZE} inside at once`, found: `${most} inside at once (entered so far: ${at.join(', ')})` },
    )
  })

  test('no worker entered the gate before the start signal was set (from the trace)', () => {
    program.that(gateAcquires.length > 0, NO_GATE)
    const set = run.trace.find((e) => e.event === 'set')
    program.that(set !== undefined, 'The parent never set the start signal: keep `await go.set()` in the guarded block.')
    const early = gateAcquires.filter((e) => e.t <= set!.t)
    program.that(
      early.length === 0,
      `${[...new Set(early.map((e) => e.name))].join(', ')} entered the gate before the parent set the start signal. ` +
        'Each worker must wait for it before the gate: `await go.wait()`.',
      { expected: 'every acquire of the gate after `set`', found: early.map((e) => `${e.name} ${(set!.t - e.t).toFixed(1)} ms before set`) },
    )
  })

  test(`every worker passed the barrier, as parties 0 to ${WORKERS - 1}`, () => {
    const passed = program.lines(PASSED)
    program.that(passed.length > 0, NO_BARRIER)
    program.equal(
      passed.map((m) => Number(m[1])).sort((a, b) => a - b),
      INDEXES,
      `Each of the ${WORKERS} workers should print its \`passed the barrier\` line exactly once.`,
    )
    program.equal(
      passed.map((m) => Number(m[2])).sort((a, b) => a - b),
      INDEXES,
      `\`finish.wait()\` resolves to a different position for each party, 0 to ${WORKERS - 1}: print the value it ` +
        'returned (`const position = await finish.wait()`), not a number of your own.',
    )
  })

  test('nobody passed the barrier before every worker had left the gate', () => {
    program.that(program.lines(PASSED).length > 0, NO_BARRIER)
    program.count(LEAVING, WORKERS, `Each of the ${WORKERS} workers should print \`worker N: leaving the gate\` once.`)
    program.before(
      LEAVING,
      PASSED,
      'A worker went on while others had not yet left the gate. The barrier holds every worker until all ' +
        `${WORKERS} have called \`await finish.wait()\`: call it after the gate, and print the \`passed\` line only after it.`,
    )
  })
})
