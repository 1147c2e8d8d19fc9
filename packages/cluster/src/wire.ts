/**
 * What crosses Redis between callers and workers, declared once. A job is one chunk of calls of one
 * caller; its reply goes to that caller's own list. Values are v8-serialized (structured clone, as
 * between a Pool and its workers) and base64-encoded inside BullMQ's JSON.
 */

/** BullMQ's key prefix: every key of a cluster queue is `proclab:QUEUE:…`. */
export const BULLMQ_PREFIX = 'proclab'
/** The queue that callers and workers meet on when none is named. */
export const DEFAULT_QUEUE = 'proclab'
/** The variable that names the Redis server when no URL is given. */
export const REDIS_ENV = 'PROCLAB_REDIS'

/** A caller's heartbeat lives this long unless renewed; after that, workers drop its jobs unrun. */
export const CALLER_TTL_MS = 5000
/** How often a caller renews its heartbeat. */
export const CALLER_HEARTBEAT_MS = 1000
/** A worker's registration (how many processes it has) lives this long unless renewed. */
export const WORKER_TTL_MS = 5000
/** A reply list nobody reads (its caller died) expires after this long. */
export const REPLY_TTL_MS = 60_000

/** Where a target is: the same repository is checked out on every machine. */
export interface TargetRef {
  /** The module's path relative to the project root, with `/` separators. */
  module: string
  exportName: string
  /** sha256 of the module file, hex: a worker whose copy differs refuses the task. */
  sha256: string
}

/** One job: a chunk of calls of one caller. */
export interface JobData {
  caller: string
  /** The chunk's number within its caller: replies are matched (and deduplicated) by it. */
  seq: number
  target: TargetRef
  /** Each call's arguments as a list (`spread`: apply, starmap, submit) or as the one argument (map). */
  spread: boolean
  /** base64 of `v8.serialize(calls)`. */
  calls: string
}

/** An error thrown in a task, as it crosses. */
export interface SerializedError {
  name: string
  message: string
  code?: string
  /** The stack where it was thrown (in the worker's pool process). */
  stack?: string
}

/** Which worker ran a job: for traces and error messages. */
export interface RanOn {
  host: string
  pid: number
}

/** What a worker pushes to the caller's reply list, once per job (twice if the job was re-run). */
export type Reply =
  | ({ kind: 'values'; seq: number; values: string } & RanOn)
  | ({ kind: 'error'; seq: number; error: SerializedError } & RanOn)

/** The keys of one queue that are the cluster's own (BullMQ's are under {@link BULLMQ_PREFIX}). */
export function clusterKeys(queue: string) {
  const base = `proclab-cluster:${queue}`
  return {
    caller: (id: string) => `${base}:caller:${id}`,
    replies: (id: string) => `${base}:replies:${id}`,
    worker: (id: string) => `${base}:worker:${id}`,
    workersPattern: `${base}:worker:*`,
  }
}

/** A job's id: unique per caller and chunk, so a caller can remove its own jobs. */
export function jobId(caller: string, seq: number): string {
  return `${caller}-${seq}`
}
