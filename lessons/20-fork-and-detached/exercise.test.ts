import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, describe, test } from 'vitest'
import { expectProgram, runExercise, translator, type ProgramExpectations, type ProgramRun } from '@proclab/harness'
import { messages } from './messages.ts'

const t = translator(messages)

// Sessions, process groups, cwd and umask are read from /proc, which only Linux has.
const LINUX = process.platform === 'linux'
/** The starter should end in a second or two; a starter that waits for its child never ends. */
const STARTER_TIMEOUT_MS = 20_000
/** The background process starts Node and loads TypeScript before it can write its pidfile. */
const PIDFILE_DEADLINE_MS = 15_000
/** Time to clean up and exit after SIGTERM. */
const STOP_DEADLINE_MS = 10_000
const POLL_MS = 50
/** How long after its pidfile the background process may take to reach '/' and umask 0. */
const SETTLE_MS = 3_000

// A folder of its own for the pidfile. Its path is on the command line of every process the program
// starts, which is how the cleanup below finds them, pidfile or not.
const dir = mkdtempSync(join(tmpdir(), 'proclab-20-'))
const pidfile = join(dir, 'background.pid')

/** What the starter prints once it has started the background process. */
const STARTED = /^starter pid=(\d+): started background pid=(\d+)/

const RUN_IT_BY_HAND = t('runItByHand')

let run: ProgramRun | undefined
// A starter that ran too long, or left a process in its group or session, fails the run itself: that
// failure (with its timeout or leftover words) is then the first check's, instead of a file-level error.
let runFailure: unknown
if (LINUX) {
  // The harness stops a starter that runs too long, but only the starter's own group: a detached child that
  // holds the starter's stdout would keep the output open (and the harness waiting) for ever. Kill it then.
  const watchdog = setTimeout(() => void stopEverything({ keepDir: true }), STARTER_TIMEOUT_MS + 1000)
  try {
    run = await runExercise(import.meta.url, { args: [pidfile], timeout: STARTER_TIMEOUT_MS, timeoutHint: t('timeout'), leakHint: t('notDetached') })
  } catch (error) {
    await stopEverything()
    runFailure = error
  } finally {
    clearTimeout(watchdog)
  }
} else {
  rmSync(dir, { recursive: true, force: true })
}
// The background process is meant to outlive its starter, so the harness leaves it alone: this test owns it.
afterAll(() => stopEverything())

describe.skipIf(!LINUX)(t('lesson'), () => {
  // "At once" is the run's time limit: a starter still running after STARTER_TIMEOUT_MS fails before any test.
  test(t('starterExits'), () => {
    if (runFailure !== undefined) throw runFailure
    const program = expectProgram(run!)
    program.exitCode(0, t('starterExitsHint'))
    startedPid(program)
  })

  test(t('wrotePidfile'), async () => {
    if (runFailure !== undefined) throw runFailure
    await backgroundPid()
  })

  test(t('outlived'), async () => {
    if (runFailure !== undefined) throw runFailure
    const program = expectProgram(run!)
    runningStat(program, await backgroundPid())
  })

  test(t('ownSession'), async () => {
    if (runFailure !== undefined) throw runFailure
    const program = expectProgram(run!)
    const pid = await backgroundPid()
    const stat = runningStat(program, pid)
    const mine = statOf(process.pid)!
    const whose = stat.sid === run!.pid ? t('starterSession') : stat.sid === mine.sid ? t('testSession') : ''
    const hint = t('leaveSession')
    program.that(stat.sid === pid, hint, { expected: t('sessionOwnPid', { pid }), found: t('sessionFound', { sid: stat.sid, whose }) })
    program.that(stat.sid !== mine.sid, hint, { expected: t('otherSession', { sid: mine.sid }), found: t('sessionId', { sid: stat.sid }) })
  })

  test(t('rootAndUmask'), async () => {
    if (runFailure !== undefined) throw runFailure
    const program = expectProgram(run!)
    const pid = await backgroundPid()
    runningStat(program, pid)
    // The pidfile may be written before or after chdir() and umask(): give the process a moment to get there
    // rather than read /proc the instant the pidfile appears.
    const cwd = () => readIfLink(`/proc/${pid}/cwd`)
    const umaskNow = () => /^Umask:\s*(\d+)$/m.exec(readIfExists(`/proc/${pid}/status`) ?? '')?.[1]
    await until(() => cwd() === '/' && (umaskNow() ?? '0000') === '0000', SETTLE_MS)
    program.equal(cwd(), '/', t('chdirRoot', { seconds: SETTLE_MS / 1000 }))
    // The Umask line exists since Linux 4.7.
    const umask = umaskNow()
    if (umask !== undefined) {
      program.equal(umask, '0000', t('umaskZero'))
    }
  })

  test(t('sigterm'), async () => {
    if (runFailure !== undefined) throw runFailure
    const program = expectProgram(run!)
    const pid = await backgroundPid()
    runningStat(program, pid)
    process.kill(pid, 'SIGTERM')
    const gone = await until(() => !isAlive(pid), STOP_DEADLINE_MS)
    program.that(gone, t('stillRunningAfterSigterm', { seconds: STOP_DEADLINE_MS / 1000 }), {
      expected: t('goneAfterSigterm', { pid }),
      found: t('stillRunning', { pid }),
    })
    program.that(!existsSync(pidfile), t('pidfileLeft'), {
      expected: t('noFile', { file: pidfile }),
      found: t('pidfileHolding', { text: JSON.stringify(readIfExists(pidfile)) }),
    })
  })
})

/** Where a /proc link points, or undefined once the process is gone. */
function readIfLink(path: string): string | undefined {
  try {
    return readlinkSync(path)
  } catch {
    return undefined
  }
}

/** The background pid the starter printed. */
function startedPid(program: ProgramExpectations): number {
  const [, , pid] = program.line(STARTED, t('printStarted'))
  return Number(pid)
}

/** The background process's /proc stat; fails unless it is still running (its starter has long exited). */
function runningStat(program: ProgramExpectations, pid: number): Stat {
  const stat = statOf(pid)
  program.that(stat !== undefined && isAlive(pid), t('alreadyEnded', { pid, byHand: RUN_IT_BY_HAND }), {
    expected: t('stillRunningAfter', { pid, starter: run!.pid }),
    found: t('pidGone', { pid }),
  })
  return stat!
}

let pidFromFile: Promise<number> | undefined
/** The pid in the pidfile, waited for once; every test that needs it shares the wait (and its failure). */
function backgroundPid(): Promise<number> {
  return (pidFromFile ??= waitForPidfile())
}

async function waitForPidfile(): Promise<number> {
  const program = expectProgram(run!)
  const complete = (text: string | undefined): text is string => text !== undefined && /^\s*\d+\s*$/.test(text)
  await until(() => complete(readIfExists(pidfile)), PIDFILE_DEADLINE_MS)
  const text = readIfExists(pidfile)
  if (text === undefined) {
    const running = ourProcesses().filter((pid) => pid !== run!.pid)
    const state = running.length > 0 ? t('runningNoPidfile', { pids: running.join(', ') }) : t('endedNoPidfile', { byHand: RUN_IT_BY_HAND })
    program.that(false, t('writePidfile', { state }), {
      expected: t('theFile', { file: pidfile }),
      found: t('noFileAfter', { seconds: PIDFILE_DEADLINE_MS / 1000 }),
    })
  }
  program.that(complete(text), t('pidAlone'), { expected: t('aPid'), found: JSON.stringify(text) })
  const pid = Number(text!.trim())
  program.equal(pid, startedPid(program), t('pidOfBackground'))
  // The tests signal this pid: make sure it is the program's own process and not one that merely has its number.
  program.that(!isAlive(pid) || ourProcesses().includes(pid), t('notOurs', { pid }), {
    expected: t('commandLineHolds', { file: pidfile }),
    found: readIfExists(`/proc/${pid}/cmdline`)?.split('\0').join(' ') ?? '?',
  })
  return pid
}

interface Stat {
  state: string
  pgid: number
  sid: number
}

/** Fields 3, 5 and 6 of /proc/<pid>/stat: state, process group, session. */
function statOf(pid: number): Stat | undefined {
  const text = readIfExists(`/proc/${pid}/stat`)
  if (text === undefined) return undefined
  // The command name, in parentheses, may itself hold spaces or parentheses: count from the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
  return { state: fields[0]!, pgid: Number(fields[2]), sid: Number(fields[3]) }
}

/** Running, and not a zombie waiting to be collected by whoever adopted it. */
function isAlive(pid: number): boolean {
  const stat = statOf(pid)
  return stat !== undefined && stat.state !== 'Z' && stat.state !== 'X'
}

/** Every live process whose command line names this test's folder (the starter, the background process). */
function ourProcesses(): number[] {
  if (!LINUX) return []
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry) && Number(entry) !== process.pid)
    .filter((entry) => readIfExists(`/proc/${entry}/cmdline`)?.includes(dir))
    .map(Number)
    .filter(isAlive)
}

/** Kills whatever the program left (found by command line, never by what a pidfile says), waits, removes the folder. */
async function stopEverything({ keepDir = false } = {}): Promise<void> {
  const ours = ourProcesses()
  for (const pid of ours) {
    // A process that leads its own group takes its helpers along (tsx's esbuild service, say).
    const targets = statOf(pid)?.pgid === pid ? [-pid, pid] : [pid]
    for (const target of targets) {
      try {
        process.kill(target, 'SIGKILL')
      } catch {}
    }
  }
  await until(() => ours.every((pid) => !isAlive(pid)), 5000)
  if (!keepDir) rmSync(dir, { recursive: true, force: true })
}

/** Polls `done` until it holds or `ms` have passed; says whether it held. */
async function until(done: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms
  for (;;) {
    if (done()) return true
    if (Date.now() >= deadline) return false
    await sleep(POLL_MS)
  }
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}
