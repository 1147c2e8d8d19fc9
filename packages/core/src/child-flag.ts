// Set by the child bootstrap before any user module loads. A global symbol rather than a module variable,
// so that a second copy of @proclab/core (another node_modules) agrees that this is a child.
const CHILD_FLAG = Symbol.for('proclab.child')

/** True inside a process started by proclab. */
export function isChild(): boolean {
  return (globalThis as Record<symbol, unknown>)[CHILD_FLAG] === true
}

/** Marks this process as a proclab child; only the bootstrap calls it, first thing. */
export function markChild(): void {
  ;(globalThis as Record<symbol, unknown>)[CHILD_FLAG] = true
}
