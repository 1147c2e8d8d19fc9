/**
 * Every error class of @proclab/cluster. Each has `name` equal to its class name and a stable `code`,
 * like core's errors; errors about using a pool in the wrong state are core's own `StateError`.
 */

function identify(errorClass: abstract new (...args: never[]) => Error, code: string): void {
  Object.defineProperty(errorClass.prototype, 'name', { value: errorClass.name, enumerable: false, configurable: true, writable: true })
  Object.defineProperty(errorClass.prototype, 'code', { value: code, enumerable: false, configurable: true, writable: true })
}

/** Base class of the errors the cluster itself raises. */
export class ClusterError extends Error {
  declare readonly code: string
}
identify(ClusterError, 'ERR_CLUSTER')

/** No Redis URL was given and `redis-server` is not installed, so no private server could start. */
export class RedisServerMissingError extends ClusterError {}
identify(RedisServerMissingError, 'ERR_CLUSTER_REDIS_SERVER_MISSING')

/** The Redis server could not be reached at all (refused, unknown host, timed out). */
export class RedisUnreachableError extends ClusterError {}
identify(RedisUnreachableError, 'ERR_CLUSTER_REDIS_UNREACHABLE')

/** The Redis server refused the password (or asked for one that was not given). */
export class RedisAuthError extends ClusterError {}
identify(RedisAuthError, 'ERR_CLUSTER_REDIS_AUTH')

/** The connection to Redis was lost while tasks were in flight, and did not come back in time. */
export class RedisLostError extends ClusterError {}
identify(RedisLostError, 'ERR_CLUSTER_REDIS_LOST')

/** The worker's copy of a task's module is missing or differs from the caller's: the task was refused. */
export class ModuleMismatchError extends ClusterError {}
identify(ModuleMismatchError, 'ERR_CLUSTER_MODULE_MISMATCH')

/** The workers holding a task died too many times: it is given up (the task may itself kill its process). */
export class TaskLostError extends ClusterError {}
identify(TaskLostError, 'ERR_CLUSTER_TASK_LOST')

/** Adds a stable `code` to a built-in error (TypeError, RangeError), as Node does. */
export function withCode<E extends Error>(error: E, code: string): E & { code: string } {
  return Object.assign(error, { code })
}
