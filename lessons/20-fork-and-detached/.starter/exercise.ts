// Lesson 20: Node has no fork(), so a background service is a detached process.
// Run it:   npx proclab run 20 [pidfile]      Check it: npx proclab check 20
// It leaves a process running on purpose. Stop it with `kill <pid>`, the background pid it prints
// (once the pidfile is written: kill $(cat /tmp/proclab-20.pid)).
// (This lesson uses plain node:child_process: an mp.Process always ends with its parent.)
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
  // stdio 'ignore': the child's stdin, stdout and stderr are /dev/null, so it holds none of our pipes.
  // TODO: the child still belongs to this starter's process group and session, so whatever stops those
  //       (a Ctrl-C, a closed terminal, the checker) stops it too. Add `detached: true` to these options:
  //       on Linux the child then calls setsid() and leads a new session of its own.
  const child = spawn(process.execPath, args, { stdio: 'ignore' })
  // Without unref() the starter's event loop would wait for the child to exit, which a service never does.
  child.unref()
  console.log(`starter pid=${process.pid}: started background pid=${child.pid}, pidfile ${pidfile}`)
}

/** Runs in the background process: should become a well-behaved daemon and work until SIGTERM. */
export function runBackground(pidfile: string): void {
  // TODO: daemonize as in the Python recipe: move to '/' with process.chdir('/'), and set the file mode
  //       mask to 0 with process.umask(0). (The pidfile path is already absolute: the starter resolved it.)

  // TODO: install a SIGTERM handler that removes the pidfile (rmSync(pidfile, { force: true })) and then
  //       ends the process with process.exit(0). Install it before writing the pidfile below.

  // TODO: write this process's pid to `pidfile`, followed by a newline, with mode 0o644.

  // The service's work would go here; this timer stands in for it and keeps the process alive.
  setInterval(() => {}, 60_000)
}

if (process.argv[2] === BACKGROUND) {
  runBackground(process.argv[3]!)
} else {
  // Absolute before it crosses: the background process will not stay in this folder.
  startBackground(resolve(process.argv[2] ?? DEFAULT_PIDFILE))
}
