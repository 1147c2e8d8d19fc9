import { connect, createServer } from 'node:net'
import { describe, test } from 'vitest'
import { expectProgram, runExercise, translator, type ProgramRun } from '@proclab/harness'
import { messages } from './messages.ts'

const t = translator(messages)

// Three separate programs share one master, all on this machine: the master, then a worker with a wrong
// authkey, then two real workers side by side. Each runs as its own process tree; the harness kills
// whatever is left of a tree when its program ends or runs out of time.
const HOST = '127.0.0.1'
const TASKS = 10
const WORKERS = 2
const WRONG_KEY = 'not the key'
// How long the master may take to start listening.
const LISTEN_TIMEOUT_MS = 20_000

// `master: serving 10 tasks on 127.0.0.1:50000 for 2 workers`, printed once it listens.
const SERVING = /^master: serving \d+ tasks on (\S+):(\d+) for \d+ workers$/
// `master: result 3 * 3 = 9 from worker pid=4242`, printed by the master for each result it received.
const RESULT = /^master: result (\d+) \* (\d+) = (\d+) from worker pid=(\d+)$/
// `master: 10 of 10 results back, server shut down`, the master's last line.
const SHUT_DOWN = /^master: (\d+) of (\d+) results back, server shut down$/
const GAVE_UP = /^master: no report for/
// `worker pid=4242: connected to 127.0.0.1:50000` and `worker pid=4242: refused: <message>`.
const CONNECTED = /^worker pid=(\d+): connected to /
const REFUSED = /^worker pid=(\d+): refused: (.*)$/

/** A port nobody listens on right now, chosen by the system. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((done) => server.listen(0, HOST, done))
  const address = server.address()
  await new Promise<void>((done) => server.close(() => done()))
  if (typeof address !== 'object' || address === null) throw new Error('Could not find a free port for the master.')
  return address.port
}

/** Resolves true once something accepts connections on `port`, false if `stop` settles or time runs out first. */
async function listening(port: number, stop: Promise<unknown>, timeout: number): Promise<boolean> {
  let stopped = false
  void stop.then(
    () => (stopped = true),
    () => (stopped = true),
  )
  const deadline = Date.now() + timeout
  while (!stopped && Date.now() < deadline) {
    const accepted = await new Promise<boolean>((done) => {
      const socket = connect({ host: HOST, port }, () => {
        socket.destroy() // a bare connection that never answers the handshake: the server just drops it
        done(true)
      })
      socket.on('error', () => done(false))
    })
    if (accepted) return true
    await new Promise((done) => setTimeout(done, 100))
  }
  return false
}

const port = await freePort()
const masterRun = runExercise(import.meta.url, {
  args: ['master', String(port), String(WORKERS)],
  // Run by hand, the master waits minutes for workers; here they start at once.
  env: { REPORT_TIMEOUT_MS: '10000' },
  timeout: 50_000,
  timeoutHint: t('timeout'),
})
let refusedRun: ProgramRun | undefined
let workerRuns: ProgramRun[] = []
let served = false
try {
  served = await listening(port, masterRun, LISTEN_TIMEOUT_MS)
  if (served) {
    // The wrong key first, while the master is sure to be serving (it stops only after the real workers).
    refusedRun = await runExercise(import.meta.url, { args: ['worker', String(port), WRONG_KEY], timeout: 20_000 })
    workerRuns = await Promise.all(
      Array.from({ length: WORKERS }, () => runExercise(import.meta.url, { args: ['worker', String(port)], timeout: 30_000 })),
    )
  }
} finally {
  // Whatever happened above, wait for the master: it ends on its own (or is killed at its time limit).
  await masterRun.catch(() => undefined)
}
const master = await masterRun
const program = expectProgram(master)

/** The pids of the real workers, from their `connected` lines. */
function workerPids(): number[] {
  return workerRuns.flatMap((run) => expectProgram(run).lines(CONNECTED).map((m) => Number(m[1])))
}

describe(t('lesson'), () => {
  test(t('served'), () => {
    program.that(served && program.lines(SERVING).length === 1, served ? t('printServing') : t('notListening'), {
      expected: t('listeningOn', { address: `${HOST}:${port}` }),
      found: served ? program.lines(SERVING).map((m) => m[0]) : t('nothingListening'),
    })
  })

  test(t('refused'), () => {
    program.that(refusedRun !== undefined, t('noTry'))
    const worker = expectProgram(refusedRun!)
    const connected = worker.lines(CONNECTED).length > 0
    const [, , message] = worker.line(REFUSED, connected ? t('connectedAnyway', { key: WRONG_KEY }) : t('printRefused', { key: WRONG_KEY }))
    program.that(/authkey/i.test(message!), t('ownMessage'), { expected: t('aboutAuthkey'), found: message })
    worker.exitCode(1, t('refusedExitCode'))
  })

  test(t('connected'), () => {
    program.that(workerRuns.length === WORKERS, t('noConnect'))
    for (const run of workerRuns) {
      const worker = expectProgram(run)
      const unregistered = /getTaskQueue is not a function|getResultQueue is not a function/.test(run.stderr)
      const notServed = /has no type '(getTaskQueue|getResultQueue)'/.test(run.stderr)
      const masterGone = /The manager is gone/.test(run.stderr)
      worker.exitCode(
        0,
        unregistered ? t('unregistered') : notServed ? t('notServed') : masterGone ? t('masterLeftEarly', { workers: WORKERS }) : t('workerExits'),
      )
      worker.line(CONNECTED, t('printConnected'))
    }
  })

  test(t('results'), () => {
    const results = program.lines(RESULT).map((m) => ({ n: Number(m[1]), square: Number(m[3]), pid: Number(m[4]) }))
    const numbers = results.map((r) => r.n).sort((a, b) => a - b)
    const expected = Array.from({ length: TASKS }, (_, i) => i + 1)
    program.equal(
      numbers,
      expected,
      results.length === 0 ? t('noResult') : numbers.length < TASKS ? t('someResults', { count: numbers.length, tasks: TASKS }) : t('eachOnce'),
    )
    const wrong = results.filter((r) => r.square !== r.n * r.n)
    program.that(wrong.length === 0, t('squares'), {
      expected: t('nTimesN'),
      found: wrong.map((r) => `${r.n} -> ${r.square}`),
    })
    const pids = workerPids()
    const strangers = results.filter((r) => !pids.includes(r.pid))
    program.that(strangers.length === 0, t('fromWorkers'), {
      expected: t('resultsFrom', { pids: pids.join(', ') }),
      found: strangers.map((r) => t('resultFrom', { n: r.n, pid: r.pid })),
    })
  })

  test(t('shutDown'), () => {
    const gaveUp = program.lines(GAVE_UP).length > 0
    const reported = program.lines(RESULT).length > 0
    program.exitCode(0, gaveUp && !reported ? t('noReport') : gaveUp ? t('noLastWord') : t('masterExits'))
    // Giving up is the master's way out when a worker is lost: with every worker alive, it must never be taken,
    // even when all the results happen to be back and the master exits 0.
    program.count(GAVE_UP, 0, reported ? t('noLastWord') : t('noReport'))
    program.that(SHUT_DOWN.test(master.lines.at(-1) ?? ''), t('lastLine'), {
      expected: `master: ${TASKS} of ${TASKS} results back, server shut down`,
      found: master.lines.at(-1),
    })
  })
})
