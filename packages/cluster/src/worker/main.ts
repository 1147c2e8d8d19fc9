import { parseArgs } from 'node:util'
import { REDIS_ENV } from '../wire.ts'
import { runWorker } from './run-worker.ts'

/**
 * The worker program (`proclab-worker`, and `proclab worker` in a course): joins the cluster until
 * SIGTERM or Ctrl-C. The first SIGTERM finishes the jobs it holds; a second one, or SIGINT, hands
 * them back to the queue at once.
 */

export const WORKER_USAGE = `Usage: proclab worker --redis URL [--queue NAME] [--processes N] [--root DIR] [--quiet]

Joins a cluster of ClusterPool/ClusterExecutor callers: takes tasks from the queue in Redis and runs
each in a local pool of N processes (default: the CPU count).

  --redis URL      redis://[:password@]host:port (default: $${REDIS_ENV})
  --queue NAME     the queue callers send to (default: proclab)
  --processes N    processes of the local pool
  --root DIR       the project root task modules are relative to (default: found above the current directory)
  --quiet          print nothing about each task

SIGTERM: finish the tasks held, then stop. A second SIGTERM, or Ctrl-C: hand them back to the queue now.`

/** After the signal to hand back, how long the worker may take before it exits anyway. */
const FORCE_EXIT_MS = 5000

function forceExit(): void {
  console.error(`proclab worker: could not hand back its tasks within ${FORCE_EXIT_MS} ms (is Redis reachable?). Exiting; their locks run out and other workers run them.`)
  process.exit(1)
}

/** Parses the worker's command line and runs it until a signal; resolves to the exit code. */
export async function workerMain(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { redis: { type: 'string' }, queue: { type: 'string' }, processes: { type: 'string' }, root: { type: 'string' }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  })
  if (values.help) {
    console.log(WORKER_USAGE)
    return 0
  }
  const redis = values.redis ?? process.env[REDIS_ENV]
  if (!redis) throw new Error(`proclab worker needs a Redis URL: pass --redis redis://host:6379 (or set ${REDIS_ENV}).\n\n${WORKER_USAGE}`)
  const processes = values.processes === undefined ? undefined : Number(values.processes)
  if (processes !== undefined && (!Number.isInteger(processes) || processes < 1)) throw new Error(`proclab worker expects --processes to be a positive whole number, got '${values.processes}'.`)
  const worker = await runWorker({ redis, queue: values.queue, processes, root: values.root, log: values.quiet ? null : undefined })
  await new Promise<void>((resolve) => {
    let signals = 0
    const onSignal = (signal: NodeJS.Signals) => {
      const handBack = signal === 'SIGINT' || ++signals > 1
      // Handing back needs Redis: if it cannot be reached, do not wait for it forever.
      if (handBack) setTimeout(forceExit, FORCE_EXIT_MS).unref()
      void worker.stop({ handBack }).then(resolve)
    }
    process.on('SIGTERM', onSignal)
    process.on('SIGINT', onSignal)
  })
  return 0
}

// Run as a program (the bin, or a private cluster's local worker), not when imported by the CLI.
if (import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1] ?? '').href) {
  workerMain(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(`proclab worker: ${error instanceof Error ? error.message : String(error)}`)
      process.exitCode = 2
    },
  )
}
