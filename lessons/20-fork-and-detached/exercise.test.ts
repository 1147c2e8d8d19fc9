import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, describe, test } from 'vitest'
import { expectProgram, runExercise, type ProgramExpectations, type ProgramRun } from '@proclab/harness'

// Sessions, process groups, cwd and umask are read from /proc, which only Linux has.
const LINUX = process.platform === 'linux'
/** The starter should end in a second or two; a starter that waits for its child never ends. */
const STARTER_TIMEOUT_MS = 20_000
/** The background process starts Node and loads TypeScript before it can write its pidfile. */
const PIDFILE_DEADLINE_MS = 15_000
/** Time to clean up and exit after SIGTERM. */
const STOP_DEADLINE_MS = 10_000
const POLL_MS = 50

// A folder of its own for the pidfile. Its path is on the command line of every process the program
// starts, which is how the cleanup below finds them, pidfile or not.
const dir = mkdtempSync(join(tmpdir(), 'proclab-20-'))
const pidfile = join(dir, 'background.pid')

/** What the starter prints once it has started the background process. */
const STARTED = /^starter pid=(\d+): started background pid=(\d+)/

const TIMEOUT_HINT =
  'The starter should end right after starting the background process, but the program never finished. Either the ' +
  'starter waited for its child (keep `child.unref()` after spawn(): a service never exits, so there is nothing to ' +
  "wait for), or the child kept the starter's output open (keep `stdio: 'ignore'`: a child that holds the starter's " +
  'stdout keeps the program looking unfinished for as long as the child runs).'
const NOT_DETACHED_HINT =
  "The background process was still in your program's process group and session after the starter had exited, so it " +
  'was stopped as a leftover. A Ctrl-C or a closed terminal would take it down the same way. A background service must ' +
  'leave them: add `detached: true` to the spawn() options in startBackground(). On Linux the child then calls ' +
  'setsid() and leads a session of its own.'
const RUN_IT_BY_HAND =
  "Its output goes to /dev/null, so an error in it is invisible: run that part in the foreground to see it, from this folder: " +
  '`npx tsx exercise.ts --background /tmp/try.pid` (stop it with `kill $(cat /tmp/try.pid)` from another terminal).'

let run: ProgramRun | undefined
if (LINUX) {
  // The harness stops a starter that runs too long, but only the starter's own group: a detached child that
  // holds the starter's stdout would keep the output open (and the harness waiting) for ever. Kill it then.
  const watchdog = setTimeout(() => void stopEverything({ keepDir: true }), STARTER_TIMEOUT_MS + 1000)
  try {
    run = await runExercise(import.meta.url, { args: [pidfile], timeout: STARTER_TIMEOUT_MS, timeoutHint: TIMEOUT_HINT, leakHint: NOT_DETACHED_HINT })
  } catch (error) {
    await stopEverything()
    throw error
  } finally {
    clearTimeout(watchdog)
  }
} else {
  rmSync(dir, { recursive: true, force: true })
}
// The background process is meant to outlive its starter, so the harness leaves it alone: this test owns it.
afterAll(() => stopEverything())

describe.skipIf(!LINUX)('lesson 20: a detached background process (Linux: the checks read /proc)', () => {
  // "At once" is the run's time limit: a starter still running after STARTER_TIMEOUT_MS fails before any test.
  test('the starter exits at once, with code 0', () => {
    const program = expectProgram(run!)
    program.exitCode(0, 'The starter should start the background process and exit without an error.')
    startedPid(program)
  })

  test('the background process wrote its own pid to the pidfile', async () => {
    await backgroundPid()
  })

  test('the background process outlived its starter', async () => {
    const program = expectProgram(run!)
    runningStat(program, await backgroundPid())
  })

  test('the background process leads a session of its own', async () => {
    const program = expectProgram(run!)
    const pid = await backgroundPid()
    const stat = runningStat(program, pid)
    const mine = statOf(process.pid)!
    const whose = stat.sid === run!.pid ? " (the starter's session)" : stat.sid === mine.sid ? " (the test's session)" : ''
    const hint =
      "The background process should have left its starter's session: spawn it with `detached: true`, so that it calls " +
      'setsid() and becomes the leader of a new session (its session id is then its own pid).'
    program.that(stat.sid === pid, hint, { expected: `session id ${pid}, its own pid`, found: `session id ${stat.sid}${whose}` })
    program.that(stat.sid !== mine.sid, hint, { expected: `a session other than the test's (${mine.sid})`, found: `session id ${stat.sid}` })
  })

  test('the background process works from / with umask 0', async () => {
    const program = expectProgram(run!)
    const pid = await backgroundPid()
    runningStat(program, pid)
    program.equal(
      readlinkSync(`/proc/${pid}/cwd`),
      '/',
      "The background process should not keep the folder it was started from as its working directory (that folder " +
        "could not be unmounted while it runs): call `process.chdir('/')` at the start of runBackground().",
    )
    // The Umask line exists since Linux 4.7.
    const umask = /^Umask:\s*(\d+)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    if (umask !== undefined) {
      program.equal(
        umask,
        '0000',
        "The background process should not depend on the file mode mask of whoever started it: call `process.umask(0)` " +
          'at the start of runBackground(), and give the files it creates their mode yourself (`{ mode: 0o644 }` for the pidfile).',
      )
    }
  })

  test('SIGTERM stops it, and it removes its pidfile on the way out', async () => {
    const program = expectProgram(run!)
    const pid = await backgroundPid()
    runningStat(program, pid)
    process.kill(pid, 'SIGTERM')
    const gone = await until(() => !isAlive(pid), STOP_DEADLINE_MS)
    program.that(
      gone,
      `The background process was still running ${STOP_DEADLINE_MS / 1000} s after SIGTERM. A SIGTERM handler replaces the ` +
        "signal's default action, which was to end the process: so the handler has to end it, with `process.exit(0)` " +
        'once it has removed the pidfile.',
      { expected: `pid ${pid} gone after SIGTERM`, found: `pid ${pid} still running` },
    )
    program.that(
      !existsSync(pidfile),
      'The background process ended on SIGTERM but left its pidfile behind, naming a process that no longer exists. ' +
        'Without a handler, SIGTERM ends Node before any of your code runs. In runBackground(), before writing the ' +
        "pidfile, add `process.once('SIGTERM', () => { rmSync(pidfile, { force: true }); process.exit(0) })`.",
      { expected: `no file ${pidfile}`, found: `the pidfile, still holding ${JSON.stringify(readIfExists(pidfile))}` },
    )
  })
})

/** The background pid the starter printed. */
function startedPid(program: ProgramExpectations): number {
  const [, , pid] = program.line(
    STARTED,
    'The starter should still print `starter pid=…: started background pid=…, pidfile …` after spawn(): keep that line.',
  )
  return Number(pid)
}

/** The background process's /proc stat; fails unless it is still running (its starter has long exited). */
function runningStat(program: ProgramExpectations, pid: number): Stat {
  const stat = statOf(pid)
  program.that(
    stat !== undefined && isAlive(pid),
    `The background process (pid ${pid}) had already ended, although nobody had stopped it. A service runs until it is ` +
      'told to stop: keep the `setInterval` that stands for its work at the end of runBackground(). ' + RUN_IT_BY_HAND,
    { expected: `pid ${pid} still running after its starter (pid ${run!.pid}) exited`, found: `pid ${pid} gone` },
  )
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
    const state =
      running.length > 0
        ? `The background process is running (pid ${running.join(', ')}), but it never wrote its pidfile.`
        : `The background process ended without writing its pidfile. ${RUN_IT_BY_HAND}`
    program.that(
      false,
      `${state} The test passes the pidfile's path as the program's argument, and the starter hands it on. In ` +
        "runBackground(), write the background process's own pid there: `writeFileSync(pidfile, `${process.pid}\\n`, { mode: 0o644 })`.",
      { expected: `the file ${pidfile}`, found: `no such file after ${PIDFILE_DEADLINE_MS / 1000} s` },
    )
  }
  program.that(complete(text), 'The pidfile should hold the pid alone, in digits (a newline after it is fine): `${process.pid}\\n`.', {
    expected: 'a pid, such as 4242',
    found: JSON.stringify(text),
  })
  const pid = Number(text!.trim())
  program.equal(
    pid,
    startedPid(program),
    'The pidfile should name the background process, whose pid the starter printed. Write `process.pid` from ' +
      "runBackground(), which runs in the background process: in startBackground() it is the starter's pid.",
  )
  // The tests signal this pid: make sure it is the program's own process and not one that merely has its number.
  program.that(
    !isAlive(pid) || ourProcesses().includes(pid),
    `The pid in the pidfile, ${pid}, belongs to a process that your program did not start: the test will not signal it. ` +
      'Print `child.pid` in the starter and write `process.pid` from runBackground().',
    { expected: `a process whose command line holds ${pidfile}`, found: readIfExists(`/proc/${pid}/cmdline`)?.split('\0').join(' ') ?? '?' },
  )
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
