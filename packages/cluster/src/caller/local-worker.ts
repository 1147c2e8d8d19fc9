import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { projectRoot } from '../project-root.ts'

/** After SIGTERM, how long the local worker may take to hand back its jobs before SIGKILL. */
const STOP_GRACE_MS = 3000

/** The worker a private cluster runs on this machine, as a child process (the same program as `proclab worker`). */
export interface LocalWorker {
  readonly pid: number
  /** Resolves when the worker has exited: at once for `now` (SIGKILL), else after it finishes its jobs. */
  stop(options?: { now?: boolean }): Promise<void>
  /** Called if the worker exits on its own: its tasks would never finish. */
  onExit(listener: (code: number | null, signal: NodeJS.Signals | null) => void): void
}

/** The worker's entry: built JavaScript beside this module, or its TypeScript source under tsx. */
function workerCommand(): string[] {
  const here = fileURLToPath(import.meta.url)
  const built = here.replace(/caller[\\/]local-worker\.[jt]s$/, 'worker/main.js')
  if (here.endsWith('.js') && existsSync(built)) return [built]
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href
  return ['--import', tsx, here.replace(/caller[\\/]local-worker\.ts$/, 'worker/main.ts')]
}

/**
 * Starts a worker process of `processes` processes on `queue`, finding task modules under the main
 * program's project root. It says nothing of its own, but what tasks print shows in this program's
 * output, as a Pool's workers' does. On Linux it dies with this process.
 */
export async function startLocalWorker({ redis, queue, processes }: { redis: string; queue: string; processes: number }): Promise<LocalWorker> {
  const root = projectRoot(process.argv[1] ? dirname(process.argv[1]) : process.cwd())
  const args = [...workerCommand(), '--redis', redis, '--queue', queue, '--processes', String(processes), '--root', root, '--quiet']
  const command = process.platform === 'linux' && existsSync('/usr/bin/setpriv') ? ['/usr/bin/setpriv', '--pdeathsig', 'KILL', process.execPath, ...args] : [process.execPath, ...args]
  const child = spawn(command[0]!, command.slice(1), { stdio: ['ignore', 'inherit', 'inherit'], env: process.env })
  const killAtExit = () => child.kill('SIGKILL')
  process.once('exit', killAtExit)
  child.once('exit', () => process.removeListener('exit', killAtExit))
  child.unref()
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve)
    child.once('error', reject)
  })
  return {
    pid: child.pid!,
    stop: ({ now = false } = {}) => stop(child, now),
    onExit: (listener) => child.once('exit', listener),
  }
}

function stop(child: ChildProcess, now: boolean): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), now ? 0 : STOP_GRACE_MS)
    child.once('exit', () => (clearTimeout(timer), resolve()))
    child.kill(now ? 'SIGKILL' : 'SIGTERM')
  })
}
