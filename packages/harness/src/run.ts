import { existsSync } from 'node:fs'
import { constants } from 'node:os'
import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { TRACE_ENV } from '@proclab/core/tooling'
import { execa, type ResultPromise } from 'execa'
import { LessonFailure } from './failure.ts'
import { harnessWords } from './i18n/harness-messages.ts'
import { currentTarget, lessonPaths, programFile, shownProgram, type Target } from './locate.ts'
import { killAll, processGroupMembers, stillRunning, type LiveProcess } from './processes.ts'
import { makeRunDir, removeRunDir } from './run-dirs.ts'
import { readTrace, withProgramExit, type TraceEvent } from './trace.ts'

/** Options of {@link runProgram}. */
export interface ProgramOptions {
  /** Command-line arguments for the program. */
  args?: string[]
  /** Milliseconds before the program is called stuck and its whole tree is killed. Default 30 000. */
  timeout?: number
  /** Extra environment variables. */
  env?: Record<string, string>
  /** What to tell the learner if the program leaves a process running after it exits. */
  leakHint?: string
  /** What to tell the learner, first, if the program runs past its time limit. */
  timeoutHint?: string
  /** How the program is named in messages. Default: its path. */
  shownAs?: string
  /** Run TypeScript through tsx (the default for `.ts` files), or with plain `node`. */
  loader?: 'tsx' | 'none'
}

/** Options of {@link runExercise}. */
export interface RunOptions extends Omit<ProgramOptions, 'shownAs'> {
  /** The program file inside the lesson (or solution) folder. Default `exercise.ts`. */
  file?: string
  /** Which version to run; default from `PROCLAB_TARGET`. */
  target?: Target
}

/** What a program did: its output, exit code and trace. */
export interface ProgramRun {
  /** For a lesson: whether the starter or the solution ran. */
  target?: Target
  /** The program, as messages name it. */
  file: string
  /** The program's own exit code; a negative number `-N` when signal N ended it. */
  exitCode: number
  stdout: string
  stderr: string
  /** stdout split into lines, without the trailing empty line. */
  lines: string[]
  /** Every `PROCLAB_TRACE` event of every process of the program, in time order. */
  trace: TraceEvent[]
  /** The program's own pid (the root of its process tree). */
  pid: number
}

/** Processes still alive after the program's root exited get this long to finish on their own. */
export const LEFTOVER_GRACE_MS = 2000
const DEFAULT_TIMEOUT_MS = 30_000
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
const runningGroups = new Set<number>()
// If the test process itself exits early, take every program tree it started down with it.
process.once('exit', () => {
  for (const pgid of runningGroups) killAll(pgid, [])
})

/**
 * Runs a lesson's program (the starter, or the solution when `PROCLAB_TARGET=solution`) with
 * {@link runProgram}.
 * @example
 * const run = await runExercise(import.meta.url)
 * expectProgram(run).exitCode(0)
 */
export async function runExercise(lesson: string | URL, options: RunOptions = {}): Promise<ProgramRun> {
  const paths = lessonPaths(lesson)
  const target = options.target ?? currentTarget()
  const file = programFile(paths, target, options.file)
  return { ...(await runProgram(file, { ...options, shownAs: shownProgram(paths.root, file, target) })), target }
}

/**
 * Runs a program as its own process tree (TypeScript through tsx), with `PROCLAB_TRACE` on, waits for
 * it, kills whatever is left, and throws a {@link LessonFailure} if it timed out or left a process running.
 * @example
 * const run = await runProgram('test/fixtures/hello.ts')
 */
export async function runProgram(file: string, options: ProgramOptions = {}): Promise<ProgramRun> {
  const shownFile = options.shownAs ?? file
  const traceDir = makeRunDir()
  const traceFile = join(traceDir, 'trace.jsonl')
  const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS
  const loader = (options.loader ?? (/\.[cm]?tsx?$/.test(file) ? 'tsx' : 'none')) === 'tsx' ? ['--import', tsxLoader] : []

  const [command, ...args] = [...deathSignalWrapper, process.execPath, ...loader, file, ...(options.args ?? [])]
  const subprocess = execa(command!, args, {
    cwd: dirname(file),
    env: { [TRACE_ENV]: traceFile, FORCE_COLOR: '0', NO_COLOR: '1', ...options.env },
    stdin: 'ignore',
    detached: true, // its own process group, so the whole tree can be found and killed
    reject: false,
    stripFinalNewline: false,
    maxBuffer: 256 * 1024 * 1024,
  })
  const pgid = subprocess.pid!
  runningGroups.add(pgid)
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<'timeout'>((done) => (timer = setTimeout(() => done('timeout'), timeout)))

  try {
    const outcome = await Promise.race([subprocess, timedOut])
    const trace = () => readTrace(traceFile)
    if (outcome === 'timeout') {
      const alive = processGroupMembers(pgid)
      killAll(pgid, alive.map((p) => p.pid))
      const output = await outputAfterKill(subprocess)
      throw LessonFailure.timeout({ file: shownFile, timeout, alive, trace: trace(), ...output, hint: options.timeoutHint })
    }
    const exitCode = outcome.exitCode ?? -signalNumber(outcome.signal)
    const run: ProgramRun = {
      file: shownFile,
      exitCode,
      stdout: outcome.stdout as string,
      stderr: outcome.stderr as string,
      lines: splitLines(outcome.stdout as string),
      trace: withProgramExit(trace(), pgid, exitCode),
      pid: pgid,
    }
    const leftovers = await leftoversAfterGrace(pgid, run.trace)
    if (leftovers.length > 0) {
      killAll(pgid, leftovers.map((p) => p.pid))
      throw LessonFailure.leftovers(run, leftovers, options.leakHint)
    }
    return run
  } finally {
    clearTimeout(timer)
    killAll(pgid, [])
    runningGroups.delete(pgid)
    removeRunDir(traceDir)
  }
}

/** How long a killed program's output may take to end before the harness stops waiting for it. */
const OUTPUT_GRACE_MS = 2000

/**
 * What a killed program printed. A process that left the program's group (a detached child that
 * inherited its stdout) can keep the output open for ever: then stop reading, and keep what came.
 */
async function outputAfterKill(subprocess: ResultPromise): Promise<{ stdout: string; stderr: string }> {
  let timer: NodeJS.Timeout | undefined
  const abandoned = new Promise<'abandoned'>((done) => (timer = setTimeout(() => done('abandoned'), OUTPUT_GRACE_MS)))
  const result = await Promise.race([subprocess, abandoned]).finally(() => clearTimeout(timer))
  if (result !== 'abandoned') return { stdout: result.stdout as string, stderr: result.stderr as string }
  // Ending the streams ends the run: execa then gives what it had read so far.
  subprocess.stdout?.destroy()
  subprocess.stderr?.destroy()
  const { stdout, stderr } = await subprocess
  return { stdout: stdout as string, stderr: `${stderr as string}\n${harnessWords()('outputAbandoned')}\n` }
}

/** Processes of the program still alive after a grace period: its group, and any pid the trace saw spawned. */
async function leftoversAfterGrace(pgid: number, trace: TraceEvent[]): Promise<LiveProcess[]> {
  const spawned = trace.filter((e) => e.event === 'spawn').map((e) => e.pid)
  const deadline = Date.now() + LEFTOVER_GRACE_MS
  for (;;) {
    const byPid = new Map([...processGroupMembers(pgid), ...stillRunning(spawned)].map((p) => [p.pid, p]))
    if (byPid.size === 0 || Date.now() >= deadline) return [...byPid.values()]
    await new Promise((done) => setTimeout(done, 50))
  }
}

// Where setpriv exists (Linux), the program dies with the test process even if the test is SIGKILLed.
const deathSignalWrapper = existsSync('/usr/bin/setpriv') ? ['/usr/bin/setpriv', '--pdeathsig', 'KILL', '--'] : []

function signalNumber(signal: string | undefined): number {
  return (signal && constants.signals[signal as NodeJS.Signals]) || 1
}

function splitLines(text: string): string[] {
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  return lines
}

