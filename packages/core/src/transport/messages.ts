/**
 * The whole wire between proclab processes, declared once for both sides of each conversation:
 * parent → child (start), pool ⇄ worker, the link envelopes (hello, reply), queue and pipe messages
 * between an object's owner and the other processes that use it, manager requests and replies, and
 * the trace's line format. Every receiver switches over a union exhaustively and ends in
 * {@link unknownMessage}, so a kind that is sent but not handled fails to compile.
 */

import type { BlockRef } from '../shm/blocks.ts'
import type { MaybePacked } from '../packed-numbers.ts'

// ─── Parent → child ────────────────────────────────────────────────────────────────────────────

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

// ─── Pool ⇄ worker (over a pipe) ───────────────────────────────────────────────────────────────

/** Pool → worker: run `fn(...call)` for each call of a chunk (one task), or stop (`null`). */
export interface PoolTask {
  kind: 'task'
  /** The task's number in its pool, for results and traces. */
  index: number
  fn: TargetRef
  /**
   * One entry per call: its argument list when `spread` (apply, starmap), or its one argument (map:
   * a flat array serializes many times faster than an array of one-element arrays). A map's list of
   * plain numbers crosses packed (see packNumbers).
   */
  calls: MaybePacked
  spread: boolean
  /** The calls hold handles of manager proxies, to rebuild before calling. */
  shared: boolean
}

/** Worker → pool: a task's results, or the error that ended it. */
export type PoolReply =
  /** `values`: one per call; a list of plain numbers crosses packed (see packNumbers). */
  | { kind: 'done'; index: number; values: MaybePacked }
  | { kind: 'failed'; index: number; error: SerializedError }

/** What crosses a pool's pipe: a task, a reply, or `null`, which tells the worker to stop. */
export type PoolMessage = PoolTask | PoolReply | null

/** An error as it crosses a process boundary: enough to rebuild it with the same name and message. */
export interface SerializedError {
  name: string
  message: string
  stack: string | undefined
}

// ─── Link envelopes ────────────────────────────────────────────────────────────────────────────

/** The first message on a link to an endpoint: who is calling (pipe ends count holders by pid). */
export interface Hello {
  kind: 'hello'
  pid: number
}

/** Asks the peer to answer once it has read every message before this one (see link.ts's whenSendsArrived). */
export interface Sync {
  kind: 'sync'
  seq: number
}

/** The answer to the request numbered `seq`; its other fields are that request's {@link Replies}. */
export type ReplyMessage = { kind: 'reply'; seq: number } & Replies[keyof Replies]

// ─── Queues: other processes → the owner, and back ─────────────────────────────────────────────

/** What a process that holds a queue sends to the queue's owner; `id` names the queue there. */
export type QueueMessage =
  /** An item (a fresh copy: it was deserialized). In a bounded queue, the producer took a free place first. */
  | { kind: 'q.put'; id: string; value: unknown }
  /**
   * Up to `want` items; `reader` is where this process hears recalls; `taken` is its count of items
   * taken, in shared memory (see queues/servant.ts). Answered once, even if withdrawn.
   */
  | { kind: 'q.get'; id: string; seq: number; block: boolean; want: number; reader: string; taken: BlockRef }
  /** Withdraws the waiting get numbered `of` (it timed out). */
  | { kind: 'q.cancel'; id: string; of: number }
  /** These items, sent ahead and not taken, go back to the front (answering a recall). */
  | { kind: 'q.return'; id: string; ids: number[] }
  | { kind: 'q.size'; id: string; seq: number }
  | { kind: 'q.taskDone'; id: string; seq: number }
  | { kind: 'q.join'; id: string; seq: number }

/** Owner → a consumer's reader: a second consumer appeared, give back what you fetched ahead. */
export interface QueueRecall {
  kind: 'q.recall'
  id: string
}

// ─── Pipes: other processes → the owner, and back ──────────────────────────────────────────────

/** Which end of a pipe: 0 or 1. */
export type PipeEnd = 0 | 1

/** What a process that holds a pipe end sends to the pipe's owner; `id` names the pipe there. */
export type PipeMessage =
  /** Data written into `end`, for the other end. */
  | { kind: 'c.send'; id: string; end: PipeEnd; value: unknown }
  /** This process reads `end` from now on: push its data to `reader`. */
  | { kind: 'c.sub'; id: string; end: PipeEnd; reader: string }
  /** `key` (`pid:<n>`) holds a handle to `end`, or no longer does. */
  | { kind: 'c.hold'; id: string; end: PipeEnd; key: string }
  | { kind: 'c.release'; id: string; end: PipeEnd; key: string }

/** Owner → the process that reads an end: its next value, or the end of its data. */
export type PipeReaderMessage = { kind: 'c.data'; id: string; value: unknown } | { kind: 'c.eof'; id: string }

/** Every message about one shared object, as an endpoint dispatches it by `id`. */
export type ObjectMessage = QueueMessage | QueueRecall | PipeMessage | PipeReaderMessage

// ─── Managers: a client → the server ───────────────────────────────────────────────────────────

/** A proxy's request; arguments are copies, except {@link ObjectRef}s to the server's own objects. */
export type ManagerRequest =
  | { kind: 'create'; seq: number; typeid: string; args: unknown[] }
  | { kind: 'call'; seq: number; id: string; method: string; args: unknown[] }
  | { kind: 'shutdown'; seq: number }

/** How a manager call ends: its value (no key when it is undefined), or the error it threw on the server. */
export type ManagerOutcome = { value?: unknown; error?: undefined } | { error: SerializedError; value?: undefined }

// ─── Requests and their replies ────────────────────────────────────────────────────────────────

/** What each kind of request is answered with. */
export interface Replies {
  sync: { synced: true }
  'q.get': { items: unknown[]; ids: number[]; empty?: undefined } | { empty: true; items?: undefined; ids?: undefined }
  'q.size': { size: number; full: boolean }
  'q.taskDone': { ok: boolean }
  'q.join': { done: true }
  create: ManagerOutcome
  call: ManagerOutcome
  shutdown: ManagerOutcome
}

/** Every message that crosses a link. */
export type WireMessage = Hello | Sync | ReplyMessage | ObjectMessage | ManagerRequest

/** A message that expects a reply: it carries the `seq` the reply names. */
export type Request = Extract<WireMessage, { kind: keyof Replies }>

/** A request as its sender writes it: the link numbers it. */
export type Unnumbered<M> = M extends unknown ? Omit<M, 'seq'> : never

/** The reply to a request of kind `K`. */
export type ReplyTo<K extends keyof Replies> = Replies[K]

/**
 * Fails loudly on a message this version does not know, instead of ignoring it. Its parameter is
 * `never`: called from the default branch of a switch, it only compiles when every kind is handled.
 */
export function unknownMessage(message: never, receiver = 'proclab'): never {
  throw new UnknownMessageError(`${receiver} received a message it does not understand: ${describe(message)}`)
}

/** A message of a kind the receiver does not know (from another version, or not from proclab at all). */
export class UnknownMessageError extends Error {}

function describe(message: unknown): string {
  try {
    return JSON.stringify(message) ?? String(message)
  } catch {
    return String(message)
  }
}

// ─── Trace ─────────────────────────────────────────────────────────────────────────────────────

/** What a trace event is about: the process that started, exited, blocked… */
export interface TraceSubject {
  pid: number
  ppid: number
  name: string
}

/** The events proclab writes (see SPEC *Tracing*). */
export type TraceEventName =
  | 'spawn'
  | 'start'
  | 'exit'
  | 'block'
  | 'unblock'
  /** A task handed to a pool, traced in the process that handed it (`task`, the pool's index of it). */
  | 'task-submit'
  | 'task-start'
  /** A pool task's end, in its worker (`task`; `error`, the name of what it threw, when it failed). */
  | 'task-end'
  | 'acquire'
  | 'release'
  | 'recover'
  | 'set'
  /** A write to stdout or stderr (`stream`, `text`, and `thread` when a worker thread wrote it). */
  | 'output'
  /** An error proclab throws to the program (`on`, `error`: its name, `code`). */
  | 'raise'
  /** A manager proxy method called by this process (`on`, `typeid`, `method`). */
  | 'call'
  /** A call of `Process.terminate()` or `Process.kill()`, in the calling process (`target`: the child's pid, `child`: its name). */
  | 'terminate'
  | 'kill'
  /** A child's uncaught error, reported as `Process <name>:` on its stderr before it exits with 1 (`error`: its name, `message`). */
  | 'uncaught'
  /** A wait on an `Event` or a `Barrier` that returned passed (`id`, `kind`; a barrier's `position`), blocked or not. */
  | 'pass'

/**
 * One line of a `PROCLAB_TRACE` file: when (`t`, ms since the epoch on one clock for the whole
 * program), about whom, what, and the event's own fields (`exitCode`, `on`, `id`, `task`…).
 */
export interface TraceEvent extends TraceSubject {
  t: number
  /** One of proclab's events; a reader may also meet others (a tool's own, another version's). */
  event: TraceEventName | (string & {})
  [field: string]: unknown
}
