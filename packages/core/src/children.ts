import type { Process } from './process.ts'

/**
 * The children this process has started and that are still running, and what happens to them when
 * this process ends (CPython's `util._exit_function`).
 */

const running = new Set<Process>()

/** @internal The join proclab makes itself once the main code is done: traced `auto: true`, unlike a join the program asked for. */
export const JOIN_AT_EXIT = Symbol('proclab.joinAtExit')

export function childStarted(child: Process): void {
  running.add(child)
}

export function childExited(child: Process): void {
  running.delete(child)
}

/**
 * The `Process` objects this process started that are still running.
 * @example for (const p of mp.activeChildren()) p.terminate()
 */
export function activeChildren(): Process[] {
  return [...running]
}

/**
 * Python's exit function: once the main code is done (here: Node's event loop has nothing left to do),
 * terminate the daemonic children, then join the others. The joins keep the loop alive; when they are
 * all done, `beforeExit` comes again with nothing running and the process exits.
 */
function exitChildren(): void {
  if (running.size === 0) return
  for (const child of running) if (child.daemon) child.terminate()
  for (const child of running) void child[JOIN_AT_EXIT]()
}
process.on('beforeExit', exitChildren)
// process.exit() skips beforeExit: still never leave a daemon behind (non-daemon children get the
// kernel's death signal, or see their channel close).
process.on('exit', () => {
  for (const child of running) if (child.daemon) child.terminate()
})
