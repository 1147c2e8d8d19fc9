// Mistake: leaves out `detached: true`, so the background process stays in the starter's session and group
// Fails: the starter exits at once, with code 0
// Says: detached: true
import { spawn } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The first argument that makes this file run as the background process instead of as the starter. */
export const BACKGROUND = '--background'

/** Where the pidfile goes when the command line names none. */
export const DEFAULT_PIDFILE = join(tmpdir(), 'proclab-20.pid')

/** Runs in the process you start: launches the background process, then ends at once. */
export function startBackground(pidfile: string): void {
  // No fork(): the same Node, with the same flags (the TypeScript loader is one of them), runs this
  // same file again from the start, told by BACKGROUND which part to run.
  const args = [...process.execArgv, fileURLToPath(import.meta.url), BACKGROUND, pidfile]
  // detached: the child calls setsid() before Node starts in it, so it leads a new session and process
  // group, with no controlling terminal: a Ctrl-C or a closed terminal no longer reaches it.
  // stdio 'ignore': its stdin, stdout and stderr are /dev/null, so it holds none of the starter's pipes.
  const child = spawn(process.execPath, args, { stdio: 'ignore' })
  // Without unref() the starter's event loop would wait for the child to exit, which a service never does.
  child.unref()
  console.log(`starter pid=${process.pid}: started background pid=${child.pid}, pidfile ${pidfile}`)
}

/** Runs in the background process: becomes a well-behaved daemon and works until SIGTERM. */
export function runBackground(pidfile: string): void {
  // Let go of the folder it was started from (it could not be unmounted while a process works in it).
  // The pidfile path is already absolute: the starter resolved it before passing it on.
  process.chdir('/')
  // Do not depend on the mask of whoever started it; with 0, the modes given below are exactly the modes.
  process.umask(0)
  // The handler comes before the pidfile: whoever reads the pid may send SIGTERM at once. A handler
  // replaces the default action (dying on the spot), so it cleans up and then ends the process itself.
  process.once('SIGTERM', () => {
    rmSync(pidfile, { force: true })
    process.exit(0)
  })
  writeFileSync(pidfile, `${process.pid}\n`, { mode: 0o644 })
  // The service's work would go here; this timer stands in for it and keeps the process alive.
  setInterval(() => {}, 60_000)
}

if (process.argv[2] === BACKGROUND) {
  runBackground(process.argv[3]!)
} else {
  // Absolute before it crosses: the background process will not be in this folder any more.
  startBackground(resolve(process.argv[2] ?? DEFAULT_PIDFILE))
}
