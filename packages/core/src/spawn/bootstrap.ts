/**
 * The entry point of every child process (CPython's `spawn_main` + `BaseProcess._bootstrap`): wait for
 * the start message, become that `Process`, import the target's module, run, and turn the outcome into
 * an exit code. Plain JavaScript with no loader, so a child starts as fast as Node allows.
 */
// Everything the user's module will import from @proclab/core is loaded while this child is a spare.
import '../index.ts'
import { writeSync } from 'node:fs'
import { inspect } from 'node:util'
import { markChild, markTargetImported } from './child-flag.ts'
import { becomeChild, ParentProcess, type ProcessInfo } from '../current.ts'
import { Process, processInChild } from '../process.ts'
import { importExport, unfinishedImports } from './targets.ts'
import { unknownMessage, connected, type ParentMessage, type StartMessage } from '../transport/index.ts'
import { reviveShared } from '../reduction.ts'
import { trace } from '../trace.ts'
import { PARENT_WATCHDOG } from '../platform-paths.ts'
import { watchParent } from './parent-watchdog.ts'

// First: every module loaded from now on, the user's included, sees a child. (Nothing proclab runs
// while its own modules load asks, so the imports above need not see it.)
markChild()

// Stack traces point at the TypeScript the user wrote, through the inline source maps of the cache.
process.setSourceMapsEnabled(true)

// When stdout/stderr are pipes, Node may queue writes and process.exit() drops what is queued (Node 24
// does, with 100k lines). Blocking writes, as Python's, mean a child's output is all out before it exits.
for (const stream of [process.stdout, process.stderr]) {
  ;(stream as unknown as { _handle?: { setBlocking?: (blocking: boolean) => void } })._handle?.setBlocking?.(true)
}

let name = 'Process'

process.on('uncaughtException', (error) => exitWithError(error))
process.on('exit', reportUnfinishedImport)
// A closed channel means the parent is gone (on Linux the kernel's death signal usually comes first).
process.once('disconnect', () => process.exit(1))
// Without that signal, a watchdog thread ends this child even while it is busy.
if (PARENT_WATCHDOG) watchParent()
process.once('message', (message: ParentMessage) => {
  switch (message.kind) {
    case 'start':
      return void run(message)
    default:
      return unknownMessage(message.kind, 'A child process') // one kind so far: its name narrows, not the message
  }
})

async function run(message: StartMessage): Promise<void> {
  name = message.name
  adoptEnvironment(message)
  const parent = new ParentProcess(message.parent.name, message.parent.pid)
  // Module-level code of the re-imported module already sees the child's name, as in Python.
  const provisional: ProcessInfo = { name: message.name, pid: process.pid, daemon: message.daemon, identity: message.identity }
  becomeChild(provisional, parent)
  // The channel carried what the child needed; from now on it must not keep the child alive.
  process.channel?.unref()
  trace('start')
  try {
    const processClass = message.processClass ? await importExport<typeof Process>(message.processClass) : null
    const target = message.target ? await importExport<(...args: unknown[]) => unknown>(message.target) : undefined
    markTargetImported()
    if (message.hasShared) {
      message.args = reviveShared(message.args) as unknown[]
      message.fields = reviveShared(message.fields) as Record<string, unknown>
      await connected()
    }
    const self = processInChild(message, processClass, target)
    becomeChild(self, parent)
    await self.run()
    // Success: the child ends when its event loop is empty, like any Node program (and its non-daemon
    // children, whose handles keep that loop alive, are waited for, as Python does).
  } catch (error) {
    exitWithError(error)
  }
}

/** The parent's environment and directory as they are at start(), not as they were when this child booted. */
function adoptEnvironment({ env, cwd }: { env: Record<string, string | undefined>; cwd: string }): void {
  for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key]
  Object.assign(process.env, env)
  if (process.cwd() !== cwd) process.chdir(cwd)
}

/**
 * The event loop emptied while a module was still importing: a top-level await in it waits on a
 * promise that never settles, and the target never ran. Said, and exit code 13 (Node's own code for
 * an unsettled top-level await), instead of a silent 0.
 */
function reportUnfinishedImport(code: number): void {
  const [module] = unfinishedImports()
  if (module === undefined || code !== 0) return
  writeSync(
    2,
    `Process ${name}: importing ${module} never finished: a top-level await in it, or in a module it imports, waits on a ` +
      `promise that never settles, so the target never ran. Await only what settles at the top level of a module a ` +
      `child imports, or move that code inside \`if (mp.isMain(import.meta))\`.\n`,
  )
  process.exitCode = UNSETTLED_TOP_LEVEL_AWAIT
}

/** Node's exit code for a program whose top-level await never settled. */
const UNSETTLED_TOP_LEVEL_AWAIT = 13

/** Python prints `Process <name>:` and the traceback, and the exit code is 1. */
function exitWithError(error: unknown): void {
  process.exitCode = 1
  const shown = error instanceof Error ? inspect(error) : `Uncaught ${inspect(error)}`
  // Traced, so a check can tell this report from a `Process <name>:` line a program printed itself.
  trace('uncaught', error instanceof Error ? { error: error.name, message: error.message } : { error: typeof error })
  // exit() only once stderr has taken the whole report.
  process.stderr.write(`Process ${name}:\n${shown}\n`, () => process.exit(1))
}
