import { describe, test } from 'vitest'
import { expectProgram, runExercise, translator, type TraceEvent } from '@proclab/harness'
import { messages } from './messages.ts'

const t = translator(messages)

// The solution ends in a few seconds: give up well before vitest does.
const run = await runExercise(import.meta.url, {
  timeout: 30_000,
  timeoutHint: t('timeout'),
})
const program = expectProgram(run)

const WORKERS = 5
const GATE_SIZE = 2
const NAMES = Array.from({ length: WORKERS }, (_, i) => `worker-${i}`)
const INDEXES = Array.from({ length: WORKERS }, (_, i) => i)
// `worker 3: leaving the gate` and `worker 3: passed the barrier as party 0`, printed by each worker.
const LEAVING = /^worker (\d+): leaving the gate$/
// `worker 3: inside the gate`, printed on entering; it and the `leaving` line are printed inside the gate.
const IN_GATE = /^worker \d+: (inside|leaving) the gate$/
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
const startSignal = run.trace.find((e) => e.event === 'set')
/** Each waiter's traced `pass` of an Event or a Barrier (traced whether it blocked or not): sleeping leaves none. */
const passesOf = (kind: string) => run.trace.filter((e) => e.event === 'pass' && e.kind === kind && isWorker(e))

const NO_BARRIER = t('noBarrier')
const NO_GATE = t('noGate')

describe(t('lesson'), () => {
  test(t('exits'), () => {
    program.exitCode(0, t('exitsHint'))
  })

  test(t('throughGate'), () => {
    const entered = new Set(gateAcquires.map((e) => e.name))
    const missing = NAMES.filter((name) => !entered.has(name))
    program.that(missing.length === 0, gateAcquires.length === 0 ? NO_GATE : t('someSkipped', { workers: missing.join(', ') }), {
      expected: t('acquireByEach', { workers: NAMES.join(', ') }),
      found: t('noneBy', { workers: missing.join(', ') }),
    })
  })

  test(t('atMost', { size: GATE_SIZE }), () => {
    program.that(gateAcquires.length > 0, NO_GATE)
    program.that(gateIds.size === 1, t('manySemaphores'), { expected: t('oneSemaphore'), found: t('semaphoresFound', { count: gateIds.size }) })
    let inside = 0
    let most = 0
    let when = 0
    for (const e of gateEvents) {
      inside += e.event === 'acquire' ? 1 : -1
      if (inside > most) [most, when] = [inside, e.t]
    }
    const at = gateEvents.filter((e) => e.event === 'acquire' && e.t <= when).map((e) => e.name)
    program.that(most <= GATE_SIZE, t('tooMany', { most, size: GATE_SIZE }), {
      expected: t('insideAtMost', { size: GATE_SIZE }),
      found: t('insideFound', { most, entered: at.join(', ') }),
    })
    // Counting acquires is not enough: a worker that releases the gate before its visit is not inside it.
    program.printedWhileHolding(IN_GATE, 'Semaphore', t('releasedEarly'))
  })

  test(t('afterSignal'), () => {
    program.that(gateAcquires.length > 0, NO_GATE)
    const set = startSignal
    program.that(set !== undefined, t('neverSet'))
    const early = gateAcquires.filter((e) => e.t <= set!.t)
    const earlyNames = [...new Set(early.map((e) => e.name))]
    // A worker that started waiting on the event (a traced block on it) yet entered early called wait() without await.
    const calledWait = earlyNames.some((name) => run.trace.some((e) => e.event === 'block' && e.on === 'event' && e.name === name))
    program.that(early.length === 0, t(calledWait ? 'earlyNoAwait' : 'early', { workers: earlyNames.join(', ') }), {
      expected: t('afterSet'),
      found: early.map((e) => t('beforeSet', { worker: e.name, ms: (set!.t - e.t).toFixed(1) })),
    })
    // Entering after the signal is not enough: a worker that slept until then never waited for it.
    const waited = new Set(passesOf('Event').filter((e) => e.id === set!.id).map((e) => e.name))
    const slept = NAMES.filter((name) => !waited.has(name))
    program.that(slept.length === 0, t('neverWaited', { workers: slept.join(', ') }), {
      expected: t('waitedByEach', { workers: NAMES.join(', ') }),
      found: t('noneBy', { workers: slept.join(', ') }),
    })
  })

  test(t('readyFirst', { workers: WORKERS }), () => {
    program.that(startSignal !== undefined, t('neverSet'))
    // `ready` is the semaphore the workers release; the parent acquires it once per worker before go.set().
    const readyIds = new Set(run.trace.filter((e) => e.event === 'release' && isSemaphore(e) && isWorker(e) && !gateIds.has(e.id)).map((e) => e.id))
    const taken = run.trace.filter((e) => e.event === 'acquire' && e.pid === run.pid && readyIds.has(e.id) && e.t <= startSignal!.t).length
    program.that(taken >= WORKERS, t('goTooSoon', { count: taken, workers: WORKERS }), {
      expected: t('readyTaken', { workers: WORKERS }),
      found: t('readyTakenFound', { count: taken }),
    })
  })

  test(t('passedBarrier', { last: WORKERS - 1 }), () => {
    const passed = program.lines(PASSED)
    program.that(passed.length > 0, NO_BARRIER)
    program.equal(
      passed.map((m) => Number(m[1])).sort((a, b) => a - b),
      INDEXES,
      t('passedOnce', { workers: WORKERS }),
    )
    program.equal(
      passed.map((m) => Number(m[2])).sort((a, b) => a - b),
      INDEXES,
      t('positions', { last: WORKERS - 1 }),
    )
    // Each worker prints its own line: `worker 3: …` by worker-3, not by the parent after its joins.
    const authors = program.printedBy(PASSED)
    const misprinted = passed.filter((m, i) => authors[i]?.name !== `worker-${m[1]}`)
    program.that(misprinted.length === 0, t('barrierLineByOther'), {
      expected: t('ownLine'),
      found: misprinted.map((m) => t('printedByOther', { line: m[0], who: authors[passed.indexOf(m)]?.name ?? '?' })),
    })
    // The position printed is the one the barrier gave that worker (traced as its `pass`), not a number of its own.
    const traced = new Map(passesOf('Barrier').map((e) => [e.name, e.position]))
    const absent = passed.filter((m) => !traced.has(`worker-${m[1]}`)).map((m) => `worker-${m[1]}`)
    program.that(absent.length === 0, t('neverAtBarrier', { workers: absent.join(', ') }), {
      expected: t('passByEach', { workers: NAMES.join(', ') }),
      found: t('noneBy', { workers: absent.join(', ') }),
    })
    const wrong = passed.filter((m) => traced.get(`worker-${m[1]}`) !== Number(m[2]))
    program.that(wrong.length === 0, t('notThePosition'), {
      expected: t('tracedPositions', { positions: passed.map((m) => `worker ${m[1]}: ${traced.get(`worker-${m[1]}`)}`).join(', ') }),
      found: wrong.map((m) => m[0]),
    })
  })

  test(t('barrierHolds'), () => {
    program.that(program.lines(PASSED).length > 0, NO_BARRIER)
    program.count(LEAVING, WORKERS, t('leftOnce', { workers: WORKERS }))
    program.before(LEAVING, PASSED, t('wentOn', { workers: WORKERS }))
  })
})
