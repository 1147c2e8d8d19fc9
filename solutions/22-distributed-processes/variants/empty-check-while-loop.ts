// Variant: the worker loops with while (true) and asks empty() before each getNowait()
import * as mp from '@proclab/core'

/** Where the master listens. Only this machine can reach 127.0.0.1; another host would be its network address. */
export const HOST = '127.0.0.1'
export const DEFAULT_PORT = 50000
/** The shared secret: a worker must prove it knows it before the master serves it anything. */
export const AUTHKEY = 'open sesame'
/** The master hands out the numbers 1 to TASKS; a worker sends back each one's square. */
export const TASKS = 10
/** How many workers the master waits for, unless told otherwise. */
export const DEFAULT_WORKERS = 2
/**
 * The master gives up if no worker reports for this long: five minutes, time enough to start the workers
 * by hand in two more terminals. The lesson's check sets a shorter limit through REPORT_TIMEOUT_MS.
 */
export const REPORT_TIMEOUT_MS = Number(process.env.REPORT_TIMEOUT_MS ?? 5 * 60_000)
/** How long one task "works". */
export const WORK_MS = 100

/** What a worker puts on the result queue: one task's result, or its last word once the tasks are gone. */
export type Report = { kind: 'result'; n: number; square: number; pid: number } | { kind: 'done'; pid: number; tasks: number }

/** The methods both sides call. Each program registers them on this class: the master with a callable, workers without. */
export class QueueManager extends mp.BaseManager {
  declare getTaskQueue: () => Promise<mp.QueueProxy<number>>
  declare getResultQueue: () => Promise<mp.QueueProxy<Report>>
}

/** One task: the "work" a worker does for the number it took. */
export async function square(n: number): Promise<number> {
  await mp.sleep(WORK_MS)
  return n * n
}

/**
 * A worker's last word: tells the master it takes no more tasks. The master shuts down as soon as it has
 * every worker's last word; a manager's server lets a call in progress answer before it closes, so this
 * put still gets its answer.
 */
export async function sendLastWord(results: mp.QueueProxy<Report>, tasks: number): Promise<void> {
  await results.put({ kind: 'done', pid: process.pid, tasks })
}

async function master(port: number, workers: number): Promise<void> {
  const tasks = new mp.Queue<number>()
  const results = new mp.Queue<Report>()
  // Every task is on the queue before the server listens, so a worker that finds the queue empty knows
  // that all the work has been handed out (not that the master is slow).
  for (let n = 1; n <= TASKS; n++) await tasks.put(n)

  // The server side of register: the typeid, and the callable that gives the object to serve. Both
  // typeids serve the same two queues to every worker that connects.
  QueueManager.register('getTaskQueue', () => tasks)
  QueueManager.register('getResultQueue', () => results)
  const manager = new QueueManager({ address: [HOST, port], authkey: AUTHKEY })
  const server = await manager.getServer()
  console.log(`master: serving ${TASKS} tasks on ${HOST}:${port} for ${workers} workers`)
  const serving = server.serveForever()

  const squares = new Map<number, number>()
  let done = 0
  try {
    // Each worker's results come before its last word (one producer's items keep their order), so once
    // every worker has said it is done, every result it computed is here.
    while (done < workers) {
      const report = await results.get({ timeout: REPORT_TIMEOUT_MS })
      switch (report.kind) {
        case 'result':
          squares.set(report.n, report.square)
          console.log(`master: result ${report.n} * ${report.n} = ${report.square} from worker pid=${report.pid}`)
          break
        case 'done':
          done++
          console.log(`master: worker pid=${report.pid} is done after ${report.tasks} tasks`)
          break
      }
    }
  } catch (error) {
    if (!(error instanceof mp.Empty)) throw error
    console.log(`master: no report for ${REPORT_TIMEOUT_MS} ms (${done} of ${workers} workers done), giving up`)
  } finally {
    // Stop serving: the port is closed and every worker's connection with it.
    await manager.shutdown()
    await serving
  }
  console.log(`master: ${squares.size} of ${TASKS} results back, server shut down`)
  if (squares.size !== TASKS) process.exitCode = 1
}

async function worker(port: number, authkey: string): Promise<void> {
  // The client side of register: the typeid alone. The worker never makes the queues; it asks the master.
  QueueManager.register('getTaskQueue')
  QueueManager.register('getResultQueue')
  const manager = new QueueManager({ address: [HOST, port], authkey })
  try {
    await manager.connect()
  } catch (error) {
    // Both sides prove that they know the key; the key itself never crosses the network.
    if (!(error instanceof mp.AuthenticationError)) throw error
    console.log(`worker pid=${process.pid}: refused: ${error.message}`)
    process.exitCode = 1
    return
  }
  console.log(`worker pid=${process.pid}: connected to ${HOST}:${port}`)
  const tasks = await manager.getTaskQueue()
  const results = await manager.getResultQueue()

  let count = 0
  while (true) {
    // Every task was put before the master started serving: empty() means "all handed out". Another worker
    // may take the last task between empty() and get(), so getNowait() still decides.
    if (await tasks.empty()) break
    let n: number
    try {
      n = await tasks.getNowait()
    } catch (error) {
      if (error instanceof mp.Empty) break
      throw error
    }
    const result = await square(n)
    console.log(`worker pid=${process.pid}: ${n} * ${n} = ${result}`)
    await results.put({ kind: 'result', n, square: result, pid: process.pid })
    count++
  }
  await sendLastWord(results, count)
  console.log(`worker pid=${process.pid}: no tasks left, ${count} done`)
}

if (mp.isMain(import.meta)) {
  const [role, port = String(DEFAULT_PORT), extra] = process.argv.slice(2)
  if (role === 'master') await master(Number(port), extra === undefined ? DEFAULT_WORKERS : Number(extra))
  else if (role === 'worker') await worker(Number(port), extra ?? AUTHKEY)
  else {
    console.log('usage: exercise.ts master [port] [workers]   serve the tasks, wait for that many workers (default 2)')
    console.log('       exercise.ts worker [port] [authkey]   connect to the master and work (default key: the right one)')
    process.exitCode = 2
  }
}
