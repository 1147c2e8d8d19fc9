import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ProcessError, withCode } from '../errors.ts'
import { assertSupportedPlatform } from '../platform.ts'
import type { StartMessage } from '../transport/index.ts'
import { exitCodeOfSignal } from './signals.ts'
import { keepAsSpare, refillSpare, takeSpare } from './spare.ts'

/**
 * Launching one child process and watching it until it exits (CPython's `popen_spawn_posix.py`).
 * The child runs `bootstrap.js` with plain Node: no TypeScript loader, so it starts as fast as Node can.
 */

const BOOTSTRAP = fileURLToPath(new URL('./bootstrap.js', import.meta.url))
const COMPILE_CACHE = join(tmpdir(), `proclab-compile-cache-${process.getuid?.() ?? 'user'}`)

// setpriv (util-linux) sets PR_SET_PDEATHSIG and then execs Node under the same pid: the kernel kills the
// child the moment its parent dies, even by SIGKILL, even while the child is busy in a loop. Without it
// the child still exits when its IPC channel to the parent closes (see bootstrap.ts).
const SETPRIV = '/usr/bin/setpriv'
const DEATH_SIGNAL_PREFIX = process.platform === 'linux' && existsSync(SETPRIV) ? [SETPRIV, '--pdeathsig', 'KILL', '--'] : []

/** Flags of this process that a child must not inherit: TypeScript loaders (children load plain JavaScript) and debuggers. */
const NOT_INHERITED = /^--(import|loader|experimental-loader|require|inspect|inspect-brk|inspect-port|debug-port)\b|^-r$/
/** Those of them whose value, when not written with `=`, is the next argument. */
const TAKES_VALUE = /^(--import|--loader|--experimental-loader|--require|-r)$/

/** A running (or exited) child process. */
export class Popen {
  readonly pid: number
  /** `null` while running; the exit code, or `-N` after signal N. */
  exitCode: number | null = null
  /** Resolves with the exit code once the child has exited. */
  readonly exited: Promise<number>
  readonly #child: ChildProcess

  /**
   * @param prepare Builds the start message for the child with this pid. It runs after the child is
   * spawned, so the parent's work (finding the target, checking arguments) overlaps the child's boot;
   * if it throws, the unused child is kept as the spare. The message is sent when it returns.
   */
  constructor(prepare: (pid: number) => StartMessage) {
    assertSupportedPlatform()
    this.#child = takeSpare() ?? launch()
    if (this.#child.pid === undefined) {
      throw withCode(new ProcessError(`Process.start() could not launch ${process.execPath}: the operating system refused to create the process.`), 'ERR_MP_SPAWN')
    }
    let message: StartMessage
    try {
      message = prepare(this.#child.pid)
    } catch (error) {
      keepAsSpare(this.#child)
      throw error
    }
    this.pid = this.#child.pid
    this.exited = new Promise((resolve) => {
      this.#child.once('exit', (code, signal) => {
        this.exitCode = code ?? exitCodeOfSignal(signal!)
        resolve(this.exitCode)
      })
    })
    this.#child.send(message)
    refillSpare(launch)
  }

  /** Sends SIGTERM (Python's `terminate()`). */
  terminate(): void {
    this.#signal('SIGTERM')
  }

  /** Sends SIGKILL (Python's `kill()`). */
  kill(): void {
    this.#signal('SIGKILL')
  }

  /** Whether this child keeps the parent's event loop alive (non-daemon children and joins do). */
  keepsParentAlive(keep: boolean): void {
    if (keep) {
      this.#child.ref()
      this.#child.channel?.ref()
    } else {
      this.#child.unref()
      this.#child.channel?.unref()
    }
  }

  #signal(signal: NodeJS.Signals): void {
    if (this.exitCode !== null) return
    try {
      process.kill(this.pid, signal)
    } catch {
      // Already gone: its exit event is on its way.
    }
  }
}

/** Spawns a fresh child running the bootstrap, which waits for its start message. */
function launch(): ChildProcess {
  const [command, ...args] = [...DEATH_SIGNAL_PREFIX, process.execPath, ...childExecArgv(), BOOTSTRAP]
  const child = spawn(command!, args, {
    // stdin is not shared (as in Python); stdout and stderr are the parent's own descriptors, so the
    // child's output is written straight to them and nothing is lost or reordered by relaying.
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
    env: childEnv(),
  })
  // A child that dies at once makes a send fail asynchronously: its exit code tells the story.
  child.on('error', () => {})
  return child
}

function childExecArgv(): string[] {
  const kept: string[] = []
  for (let i = 0; i < process.execArgv.length; i++) {
    const arg = process.execArgv[i]!
    if (!NOT_INHERITED.test(arg)) kept.push(arg)
    else if (TAKES_VALUE.test(arg)) i++ // skip its value too
  }
  return kept
}

function childEnv(): NodeJS.ProcessEnv {
  // Node ≥ 22.1 keeps compiled code on disk for later children (ignored by older Node).
  const env: NodeJS.ProcessEnv = { NODE_COMPILE_CACHE: COMPILE_CACHE, ...process.env }
  const options = env.NODE_OPTIONS
  if (!options || !/--(import|loader|require|experimental-loader)|-r /.test(options)) return env
  // Same rule for NODE_OPTIONS: the child needs no loader, and loading one would cost it ~100 ms.
  const kept = options.split(/\s+/).filter((arg, i, all) => !NOT_INHERITED.test(arg) && !TAKES_VALUE.test(all[i - 1] ?? ''))
  return { ...env, NODE_OPTIONS: kept.join(' ') }
}
