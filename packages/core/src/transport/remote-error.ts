import { inspect } from 'node:util'
import * as errors from '../errors.ts'
import type { SerializedError } from './messages.ts'

/** proclab's own error classes by name, so that `instanceof mp.Empty` holds for an error from another process. */
const OWN_ERRORS = new Map<string, new (message: string) => Error>(
  Object.values(errors).flatMap((value) => (typeof value === 'function' && value.prototype instanceof Error ? [[value.name, value as new (message: string) => Error]] : [])),
)

/** What crosses for an error thrown in another process (a pool task, say). */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack }
  return { name: 'Error', message: `a non-Error value was thrown: ${inspect(error)}`, stack: undefined }
}

/**
 * Rebuilds an error thrown in another process: the same class for built-in errors (TypeError…) and
 * proclab's (Empty, StateError…), the same `name` and `message`, and as `cause` an Error whose stack
 * is the other process's.
 */
export function reviveError(data: SerializedError, where: string): Error {
  const Class = OWN_ERRORS.get(data.name) ?? (globalThis as Record<string, unknown>)[data.name]
  const error = typeof Class === 'function' && Class.prototype instanceof Error ? new (Class as ErrorConstructor)(data.message) : new Error(data.message)
  if (error.name !== data.name) Object.defineProperty(error, 'name', { value: data.name, enumerable: false, configurable: true, writable: true })
  const cause = new Error(`${data.name} in ${where}`)
  cause.stack = data.stack ?? cause.stack
  error.cause = cause
  return error
}
