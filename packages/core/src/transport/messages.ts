/** Messages between a parent and the children it starts, declared once for both sides. */

/** Where a child finds the code to run: a module it imports and the export it looks up there. */
export interface TargetRef {
  /** The URL the child imports: the defining module, or its transpiled copy for a TypeScript module. */
  module: string
  exportName: string
}

/** Parent → child, once, right after spawning: everything the child needs to become the `Process`. */
export interface StartMessage {
  kind: 'start'
  /** The target function; `null` when there is none (a subclass's `run()` may not need one). */
  target: TargetRef | null
  /** The `Process` subclass to rebuild in the child; `null` for a plain `Process`. */
  processClass: TargetRef | null
  args: unknown[]
  /** Own fields of a `Process` subclass instance, copied by structured clone. */
  fields: Record<string, unknown>
  /** Whether `args` or `fields` hold handles of shared objects (queues, pipe ends) to rebuild. */
  hasShared: boolean
  name: string
  identity: number[]
  daemon: boolean
  parent: { name: string; pid: number }
  /** The parent's environment and working directory now: the child may have been started earlier, as a spare. */
  env: Record<string, string | undefined>
  cwd: string
}

export type ParentMessage = StartMessage

/** Fails loudly on a message kind this version does not know, instead of ignoring it. */
export function unknownMessage(message: never): never {
  throw new Error(`proclab received a message it does not understand: ${JSON.stringify(message)}`)
}

/** Pool → worker: run `fn(...call)` for each call of a chunk (one task), or stop (`null`). */
export interface PoolTask {
  kind: 'task'
  /** The task's number in its pool, for results and traces. */
  index: number
  fn: TargetRef
  /**
   * One entry per call: its argument list when `spread` (apply, starmap), or its one argument (map:
   * a flat array serializes many times faster than an array of one-element arrays).
   */
  calls: unknown[]
  spread: boolean
  /** The calls hold handles of manager proxies, to rebuild before calling. */
  shared: boolean
}

/** Worker → pool: a task's results, or the error that ended it. */
export type PoolReply =
  | { kind: 'done'; index: number; values: unknown[] }
  | { kind: 'failed'; index: number; error: SerializedError }

/** An error as it crosses a process boundary: enough to rebuild it with the same name and message. */
export interface SerializedError {
  name: string
  message: string
  stack: string | undefined
}
