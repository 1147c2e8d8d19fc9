// Set by the child bootstrap before any user module loads. Global symbols rather than module variables,
// so that a second copy of @proclab/core (another node_modules) agrees on what this process is.
const CHILD_FLAG = Symbol.for('proclab.child')
const IMPORTING_FLAG = Symbol.for('proclab.child.importing')
const flags = globalThis as Record<symbol, unknown>

/** True inside a process started by proclab. */
export function isChild(): boolean {
  return flags[CHILD_FLAG] === true
}

/** True while a child is still importing its target's module (Python's "bootstrapping phase"). */
export function isImportingTarget(): boolean {
  return flags[IMPORTING_FLAG] === true
}

/** Marks this process as a proclab child about to import its target; only the bootstrap calls it, first thing. */
export function markChild(): void {
  flags[CHILD_FLAG] = true
  flags[IMPORTING_FLAG] = true
}

/** The target's module has been imported: from now on the child may start processes of its own. */
export function markTargetImported(): void {
  flags[IMPORTING_FLAG] = false
}
