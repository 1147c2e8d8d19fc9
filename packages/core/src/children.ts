import type { Process } from './process.ts'
import { disconnectAll } from './transport/index.ts'

/**
 * The children this process has started and that are still running, and what happens to them when
 * this process ends (CPython's `util._exit_function`).
 */

const running = new Set<Process>()

/** @internal The join proclab makes itself once the main code is done: traced `auto: true`, unlike a join the program asked for. */
export const JOIN_AT_EXIT = Symbol('proclab.joinAtExit')

/** @internal Ends a child for sure: SIGTERM, then SIGKILL if it still runs after a grace period (pool.terminate(), daemons at exit). */
export const END_SURELY = Symbol('proclab.endSurely')

/** @internal Blocks until the child has exited: the join of a process that is exiting, whose event loop no longer runs. */
export const WAIT_AT_EXIT = Symbol('proclab.waitAtExit')

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
 * all done, `beforeExit` comes again with nothing running and the process exits. A daemon that
 * ignores SIGTERM, or is stopped, is killed after a grace period: it must not keep the program alive.
 */
function exitChildren(): void {
  if (running.size === 0) return
  for (const child of running) if (child.daemon) child[END_SURELY]()
  for (const child of running) void child[JOIN_AT_EXIT]()
}
process.on('beforeExit', exitChildren)

/**
 * process.exit(), an uncaught error and a rejected main skip beforeExit and end the process at once,
 * which would take the non-daemon children with it (the kernel's death signal): as Python's atexit
 * does, join them first, synchronously, since 'exit' listeners cannot wait. Daemons are terminated
 * (and killed by the death signal if they linger). The queues and pipes this process owns go with
 * it before the wait, as they would once it exited. A parent that is SIGKILLed runs nothing: its
 * children get the death signal, so none is left behind.
 */
function exitChildrenNow(): void {
  for (const child of running) if (child.daemon) child.terminate()
  if (![...running].some((child) => !child.daemon)) return
  // This process can no longer answer its children: a child waiting on its queue must not wait forever.
  disconnectAll()
  for (const child of running) if (!child.daemon) child[WAIT_AT_EXIT]()
}
process.on('exit', exitChildrenNow)
