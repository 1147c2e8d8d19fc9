import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ProcessError, withCode } from '../errors.ts'
import { assertSupportedPlatform } from '../platform.ts'
import { DEATH_SIGNAL_PREFIX, withPlatformPaths } from '../platform-paths.ts'
import type { StartMessage } from '../transport/index.ts'
import { sleepSync } from '../timeouts.ts'
import { exitCodeOfSignal } from './signals.ts'
import { keepAsSpare, refillSpare, takeSpare } from './spare.ts'

/**
 * Launching one child process and watching it until it exits (CPython's `popen_spawn_posix.py`).
 * The child runs `bootstrap.js` with plain Node: no TypeScript loader, so it starts as fast as Node can.
 */

const BOOTSTRAP = fileURLToPath(new URL('./bootstrap.js', import.meta.url))
const COMPILE_CACHE = join(tmpdir(), `proclab-compile-cache-${process.getuid?.() ?? 'user'}`)

/** How long a child told to end where an end is promised (pool.terminate(), a daemon at exit) has before SIGKILL. */
export const KILL_GRACE_MS = 1000
/** The longest pause between two looks at a child a process that is exiting waits for. */
const LONGEST_EXIT_POLL_MS = 10

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

  /** Sends SIGTERM (Python's `terminate()`), and SIGCONT: a stopped child (SIGSTOP, Ctrl-Z) acts on no signal until continued. */
  terminate(): void {
    this.#signal('SIGTERM')
    this.#signal('SIGCONT')
  }

  /** Ends the child for sure: SIGTERM now, SIGKILL if it still runs KILL_GRACE_MS later (it may ignore SIGTERM). */
  end(): void {
    this.terminate()
    if (this.exitCode !== null) return
    const escalate = setTimeout(() => this.kill(), KILL_GRACE_MS)
    escalate.unref()
    void this.exited.then(() => clearTimeout(escalate))
  }

  /**
   * Blocks until the child has exited, for a process that is exiting: its event loop no longer runs,
   * so the child's exit event never comes, and a child that has exited stays a zombie until this
   * process ends. Reads the child's state in /proc; where there is none, returns at once.
   */
  waitSync(): void {
    let pause = 0.5
    while (this.exitCode === null && !hasExited(this.pid)) {
      sleepSync(pause)
      pause = Math.min(pause * 2, LONGEST_EXIT_POLL_MS)
    }
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

/** Whether `pid` has exited (it is gone, or a zombie); true where /proc cannot tell. */
function hasExited(pid: number): boolean {
  let stat: string
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'EACCES'
  }
  // The state follows the command name, which is in parentheses and may itself hold any character.
  const state = stat[stat.lastIndexOf(')') + 2]
  return state === 'Z' || state === 'X'
}

/** Spawns a fresh child running the bootstrap, which waits for its start message. */
function launch(): ChildProcess {
  // The orphan guard: the kernel's parent-death signal where there is one (platform-paths.ts); else the
  // child watches its parent itself (bootstrap.ts).
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
  const env = withPlatformPaths({ NODE_COMPILE_CACHE: COMPILE_CACHE, ...process.env })
  const options = env.NODE_OPTIONS
  if (!options || !/--(import|loader|require|experimental-loader)|-r /.test(options)) return env
  // Same rule for NODE_OPTIONS: the child needs no loader, and loading one would cost it ~100 ms.
  const kept = options.split(/\s+/).filter((arg, i, all) => !NOT_INHERITED.test(arg) && !TAKES_VALUE.test(all[i - 1] ?? ''))
  return { ...env, NODE_OPTIONS: kept.join(' ') }
}
