import { inspect } from 'node:util'
import type { SerializedError } from './protocol.ts'

/** What crosses for an error thrown in another process (a pool task, say). */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack }
  return { name: 'Error', message: `a non-Error value was thrown: ${inspect(error)}`, stack: undefined }
}

/**
 * Rebuilds an error thrown in another process: the same class for built-in errors (TypeError…), the
 * same `name` and `message`, and as `cause` an Error whose stack is the other process's.
 */
export function reviveError(data: SerializedError, where: string): Error {
  const BuiltIn = (globalThis as Record<string, unknown>)[data.name]
  const error = typeof BuiltIn === 'function' && BuiltIn.prototype instanceof Error ? new (BuiltIn as ErrorConstructor)(data.message) : new Error(data.message)
  if (error.name !== data.name) Object.defineProperty(error, 'name', { value: data.name, enumerable: false, configurable: true, writable: true })
  const cause = new Error(`${data.name} in ${where}`)
  cause.stack = data.stack ?? cause.stack
  error.cause = cause
  return error
}
