import type { ChildProcess } from 'node:child_process'

/**
 * One warm spare child: a fresh process that has booted Node and proclab's bootstrap but has run no
 * user code, waiting for a start message. `start()` hands the target to the spare when there is one
 * (so it runs in a few ms instead of the ~35-80 ms a cold Node start takes) and a new spare is made in
 * the background. Spawn semantics hold: the spare imports the target's module only after it is handed
 * over, and it takes the parent's current environment and working directory with the start message.
 * Only a process that has started a child keeps a spare, so programs that start none pay nothing.
 */

let spare: ChildProcess | undefined
let refilling = false

/** The spare, if one is ready and still healthy; it is no longer the spare afterwards. */
export function takeSpare(): ChildProcess | undefined {
  const taken = spare
  spare = undefined
  if (!taken || taken.exitCode !== null || taken.signalCode !== null || !taken.connected) {
    taken?.kill('SIGKILL')
    return undefined
  }
  return taken
}

/** Keeps a fresh child that was not handed a target (its start failed) as the spare, or ends it. */
export function keepAsSpare(child: ChildProcess): void {
  if (spare) {
    child.kill('SIGKILL')
    return
  }
  adopt(child)
}

/** Makes a new spare after this tick (never delaying the `start()` that asked for it). */
export function refillSpare(launch: () => ChildProcess): void {
  if (spare || refilling) return
  refilling = true
  setImmediate(() => {
    refilling = false
    if (!spare) adopt(launch())
  })
}

function adopt(child: ChildProcess): void {
  // A spare never keeps its parent alive, and dies with it (see the exit hook below).
  child.unref()
  child.channel?.unref()
  spare = child
}

process.on('exit', () => spare?.kill('SIGKILL'))
