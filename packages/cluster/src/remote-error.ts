import { inspect } from 'node:util'
import * as mp from '@proclab/core'
import * as errors from './errors.ts'
import type { RanOn, SerializedError } from './wire.ts'

/** Error classes a task's error may be rebuilt as: the built-ins (by global name), core's and the cluster's. */
const KNOWN = new Map<string, new (message: string) => Error>(
  [...Object.values(mp), ...Object.values(errors)].flatMap((value) =>
    typeof value === 'function' && value.prototype instanceof Error ? [[value.name, value as new (message: string) => Error]] : [],
  ),
)

/** What crosses for an error thrown in a task; its stack is the one in the pool process that ran it. */
export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: `a non-Error value was thrown: ${inspect(error)}` }
  // The local Pool rebuilt the error with the pool process's stack as its cause: that is where it was thrown.
  const origin = error.cause instanceof Error && error.cause.stack ? error.cause.stack : error.stack
  const code = (error as { code?: unknown }).code
  return { name: error.name, message: error.message, stack: origin, ...(typeof code === 'string' ? { code } : {}) }
}

/**
 * Rebuilds a task's error in the caller: the same class for built-in, core and cluster errors, the
 * same `name`, `message` and `code`, and as `cause` an Error carrying the worker's stack.
 */
export function reviveError(data: SerializedError, ranOn: RanOn): Error {
  const Class = KNOWN.get(data.name) ?? (globalThis as Record<string, unknown>)[data.name]
  const error = typeof Class === 'function' && Class.prototype instanceof Error ? new (Class as ErrorConstructor)(data.message) : new Error(data.message)
  if (error.name !== data.name) Object.defineProperty(error, 'name', { value: data.name, enumerable: false, configurable: true, writable: true })
  if (data.code !== undefined && (error as { code?: unknown }).code !== data.code) Object.assign(error, { code: data.code })
  const cause = new Error(`${data.name} in a task on ${ranOn.host} (worker pid ${ranOn.pid})`)
  cause.stack = data.stack ?? cause.stack
  error.cause = cause
  return error
}
