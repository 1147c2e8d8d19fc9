import { connect, createServer } from 'node:net'
import { describe, test } from 'vitest'
import { expectProgram, runExercise, type ProgramRun } from '@proclab/harness'

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
  timeoutHint:
    'The master waits for one report at a time, `results.get({ timeout: REPORT_TIMEOUT_MS })`, and after every ' +
    "worker's last word it shuts down: keep that loop and the `manager.shutdown()` in its finally block.",
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

describe('lesson 22: distributed processes, a master and its workers over TCP', () => {
  test('the master served its queues on 127.0.0.1, on the port it was given', () => {
    program.that(
      served && program.lines(SERVING).length === 1,
      served
        ? 'The master should print `master: serving … on <host>:<port> …` once it listens: keep that line.'
        : 'The master never accepted a connection on its port. It should register its two queues, then ' +
            '`const server = await manager.getServer()` (which starts listening) and `server.serveForever()`.',
      { expected: `a master listening on ${HOST}:${port}`, found: served ? program.lines(SERVING).map((m) => m[0]) : 'nothing listening' },
    )
  })

  test('a worker with the wrong authkey was refused', () => {
    program.that(refusedRun !== undefined, 'The master was not serving (see the first test), so no worker could try.')
    const worker = expectProgram(refusedRun!)
    const connected = worker.lines(CONNECTED).length > 0
    const [, , message] = worker.line(
      REFUSED,
      connected
        ? `The worker started with the authkey '${WRONG_KEY}' printed that it connected. A worker must prove it knows the ` +
            "master's authkey: `await manager.connect()` rejects with mp.AuthenticationError when it does not. Call it, catch " +
            'that error, print `worker pid=${process.pid}: refused: ${error.message}`, and stop there.'
        : `The worker started with the authkey '${WRONG_KEY}' should print \`worker pid=…: refused: <message>\`: catch the ` +
            'mp.AuthenticationError that `await manager.connect()` rejects with, and print its message.',
    )
    program.that(
      /authkey/i.test(message!),
      "Print the error's own message, `error.message`: it says that the authkey was refused.",
      { expected: 'a message about the authkey', found: message },
    )
    worker.exitCode(
      1,
      'A worker that was refused has no work to do, and should say so with its exit code: set `process.exitCode = 1` ' +
        'after printing that it was refused, then return without touching the queues.',
    )
  })

  test('each worker with the right authkey connected and exited normally', () => {
    program.that(workerRuns.length === WORKERS, 'The master was not serving (see the first test), so no worker could connect.')
    for (const run of workerRuns) {
      const worker = expectProgram(run)
      const unregistered = /getTaskQueue is not a function|getResultQueue is not a function/.test(run.stderr)
      const notServed = /has no type '(getTaskQueue|getResultQueue)'/.test(run.stderr)
      worker.exitCode(
        0,
        unregistered
          ? 'The worker has no getTaskQueue() or getResultQueue(): register both typeids on QueueManager in the worker too, ' +
              "without a callable: `QueueManager.register('getTaskQueue')`."
          : notServed
            ? "The master does not serve the queues the worker asks for: in the master, register each typeid with the callable " +
              "that returns its queue, `QueueManager.register('getTaskQueue', () => tasks)`, before `getServer()`."
            : 'A worker with the right authkey should connect, work until the task queue is empty, and exit normally.',
      )
      worker.line(CONNECTED, 'Each worker should print `worker pid=…: connected to …` once `await manager.connect()` has succeeded.')
    }
  })

  test("every task's result came back to the master, computed by the workers", () => {
    const results = program.lines(RESULT).map((m) => ({ n: Number(m[1]), square: Number(m[3]), pid: Number(m[4]) }))
    const numbers = results.map((r) => r.n).sort((a, b) => a - b)
    const expected = Array.from({ length: TASKS }, (_, i) => i + 1)
    program.equal(
      numbers,
      expected,
      results.length === 0
        ? 'No result came back to the master. Each worker should take numbers from the task queue with ' +
            "`await tasks.getNowait()` until it throws mp.Empty, and put each result on the result queue: " +
            "`await results.put({ kind: 'result', n, square: result, pid: process.pid })`."
        : numbers.length < TASKS
          ? `Only ${numbers.length} of the ${TASKS} results came back. Each worker should keep taking tasks until the ` +
            'queue is empty, and put a result for every number it took.'
          : 'Each number from 1 to 10 should come back exactly once: a task taken from the queue is gone for the others.',
    )
    const wrong = results.filter((r) => r.square !== r.n * r.n)
    program.that(wrong.length === 0, 'Each result should be the square of its number, as square(n) computes it.', {
      expected: 'n * n for every n',
      found: wrong.map((r) => `${r.n} -> ${r.square}`),
    })
    const pids = workerPids()
    const strangers = results.filter((r) => !pids.includes(r.pid))
    program.that(
      strangers.length === 0,
      'Every result should come from one of the two workers (their pid, `process.pid`, in the report): the master only ' +
        'hands out tasks and collects results.',
      { expected: `results from pids ${pids.join(', ')}`, found: strangers.map((r) => `${r.n} from pid ${r.pid}`) },
    )
  })

  test('the master shut down once every worker was done', () => {
    const gaveUp = program.lines(GAVE_UP).length > 0
    const reported = program.lines(RESULT).length > 0
    program.exitCode(
      0,
      gaveUp && !reported
        ? 'No worker reported anything, so the master waited in vain and gave up: make the workers connect, take the tasks ' +
            'and put their results (see the tests above).'
        : gaveUp
        ? 'The master waited in vain for a report and gave up. After its last task, each worker must say goodbye with ' +
            "`await sendLastWord(results, count)`: the master shuts down once it has every worker's last word."
        : 'The master should collect every result, shut its server down and exit normally.',
    )
    program.that(
      SHUT_DOWN.test(master.lines.at(-1) ?? ''),
      'The master should end with `master: 10 of 10 results back, server shut down`, printed after `await manager.shutdown()`.',
      { expected: `master: ${TASKS} of ${TASKS} results back, server shut down`, found: master.lines.at(-1) },
    )
  })
})
