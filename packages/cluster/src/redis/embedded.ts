import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { RedisServerMissingError } from '../errors.ts'
import { REDIS_ENV } from '../wire.ts'

/** How long a private redis-server may take to say it is ready. */
const START_TIMEOUT_MS = 10_000
/** After SIGTERM, how long redis-server may take to exit before SIGKILL. */
const STOP_GRACE_MS = 2000

/** A redis-server this process started, on 127.0.0.1 and a free port, with no persistence. */
export interface PrivateRedis {
  /** `redis://127.0.0.1:PORT` (with the password, when one was asked for). */
  readonly url: string
  readonly pid: number
  /** Stops the server and removes its directory. */
  stop(): Promise<void>
}

/**
 * Starts a private `redis-server`: bound to 127.0.0.1, on a free port, in a temporary directory, saving
 * nothing. On Linux the kernel kills it if this process dies (even by SIGKILL); otherwise it is killed
 * at exit. Throws {@link RedisServerMissingError} if `redis-server` is not installed.
 * @example
 * const redis = await startPrivateRedis()
 * try { … redis.url … } finally { await redis.stop() }
 */
export async function startPrivateRedis({ password }: { password?: string } = {}): Promise<PrivateRedis> {
  const server = findOnPath('redis-server')
  if (!server) throw missing()
  const dir = mkdtempSync(join(tmpdir(), 'proclab-redis-'))
  try {
    const port = await freePort()
    const args = [server, '--port', String(port), '--bind', '127.0.0.1', '--protected-mode', 'yes', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no']
    if (password) args.push('--requirepass', password)
    // setpriv ties the server's life to ours: no orphaned redis-server if this process is killed.
    const setpriv = process.platform === 'linux' ? findOnPath('setpriv') : undefined
    const child = setpriv ? spawn(setpriv, ['--pdeathsig', 'KILL', ...args], { stdio: ['ignore', 'pipe', 'pipe'] }) : spawn(args[0]!, args.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] })
    const killAtExit = () => child.kill('SIGKILL')
    process.once('exit', killAtExit)
    await untilReady(child)
    child.unref()
    child.stdout!.destroy()
    child.stderr!.destroy()
    const auth = password ? `:${encodeURIComponent(password)}@` : ''
    let stopping: Promise<void> | undefined
    return {
      url: `redis://${auth}127.0.0.1:${port}`,
      pid: child.pid!,
      stop: () =>
        (stopping ??= stop(child).finally(() => {
          process.removeListener('exit', killAtExit)
          rmSync(dir, { recursive: true, force: true })
        })),
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
}

/**
 * Why this machine cannot give a program that needs Redis one: `undefined` when `PROCLAB_REDIS` names a
 * server or `redis-server` is on PATH, else the {@link RedisServerMissingError} that
 * {@link startPrivateRedis} would throw, which says how to install it or connect to a running one. A
 * lesson's test asks it first, to report the lesson as skipped rather than failed.
 * @example
 * const missing = redisServerMissing()
 * if (missing) console.log(missing.message)
 */
export function redisServerMissing(): RedisServerMissingError | undefined {
  if (process.env[REDIS_ENV]) return undefined
  return findOnPath('redis-server') ? undefined : missing()
}

function missing(): RedisServerMissingError {
  return new RedisServerMissingError(
    'ClusterPool could not start a private Redis server: `redis-server` is not installed (not found on PATH). ' +
      'Install it (Debian/Ubuntu: `sudo apt-get install redis-server`; macOS: `brew install redis`), ' +
      "or connect to a running server with `new ClusterPool({ redis: 'redis://host:6379' })` or the PROCLAB_REDIS variable.",
  )
}

function findOnPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command)
    if (dir && existsSync(candidate)) return candidate
  }
  return undefined
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.unref()
    probe.on('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

/** Resolves once the server logs that it accepts connections; rejects with its output if it exits first. */
function untilReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => fail(`it did not become ready within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS)
    const fail = (why: string) => {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(new RedisServerMissingError(`ClusterPool could not start a private Redis server: ${why}.\n${output.trim()}`))
    }
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      if (/Ready to accept connections/.test(output)) {
        clearTimeout(timer)
        child.removeListener('exit', onExit)
        resolve()
      }
    }
    const onExit = (code: number | null) => fail(`redis-server exited with code ${code}`)
    child.stdout!.on('data', read)
    child.stderr!.on('data', read)
    child.once('exit', onExit)
    child.once('error', (error) => fail(error.message))
  })
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS)
    child.once('exit', () => (clearTimeout(timer), resolve()))
    child.kill('SIGTERM')
  })
}
