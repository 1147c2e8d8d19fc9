import { trimStack } from './stack.ts'

/**
 * Every error class of @proclab/core. Each has `name` equal to its class name and a stable `code`,
 * so callers can tell errors apart across realms without `instanceof`. Their stacks start at the
 * caller's code, without proclab's own frames (see stack.ts).
 */

function identify(errorClass: abstract new (...args: never[]) => Error, code: string): void {
  Object.defineProperty(errorClass.prototype, 'name', { value: errorClass.name, enumerable: false, configurable: true, writable: true })
  Object.defineProperty(errorClass.prototype, 'code', { value: code, enumerable: false, configurable: true, writable: true })
}

/** Base class of the errors that `multiprocessing` itself raises (Python's `ProcessError`). */
export class ProcessError extends Error {
  declare readonly code: string
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options)
    trimStack(this, new.target)
  }
}
identify(ProcessError, 'ERR_MP_PROCESS')

/** An object was used in a state that does not allow it: start twice, join before start, use after close. */
export class StateError extends ProcessError {}
identify(StateError, 'ERR_MP_STATE')

/** A wait with a timeout ran out of time. */
export class TimeoutError extends ProcessError {}
identify(TimeoutError, 'ERR_MP_TIMEOUT')

/** A connection was refused because the peer did not prove it knows the authkey. */
export class AuthenticationError extends ProcessError {}
identify(AuthenticationError, 'ERR_MP_AUTHENTICATION')

/** A barrier was aborted or broken while a party waited on it. */
export class BrokenBarrierError extends ProcessError {}
identify(BrokenBarrierError, 'ERR_MP_BROKEN_BARRIER')

/** `get()` on an empty queue that would not (or could no longer) wait. */
export class Empty extends Error {
  declare readonly code: string
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options)
    trimStack(this, new.target)
  }
}
identify(Empty, 'ERR_MP_EMPTY')

/** `put()` on a full queue that would not (or could no longer) wait. */
export class Full extends Error {
  declare readonly code: string
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options)
    trimStack(this, new.target)
  }
}
identify(Full, 'ERR_MP_FULL')

/** `recv()` on a connection whose other end is closed and has nothing left to read. */
export class EOFError extends Error {
  declare readonly code: string
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options)
    trimStack(this, new.target)
  }
}
identify(EOFError, 'ERR_MP_EOF')

/** Adds a stable `code` to a built-in error (TypeError, RangeError), as Node does, and starts its stack at the caller's code. */
export function withCode<E extends Error>(error: E, code: string): E & { code: string } {
  return Object.assign(trimStack(error, withCode), { code })
}

/** A worker of a `ProcessPoolExecutor` died: its pending futures fail with this, and so does every later submit. */
export class BrokenProcessPool extends ProcessError {}
identify(BrokenProcessPool, 'ERR_MP_BROKEN_PROCESS_POOL')

/** The result of a future that was cancelled. */
export class CancelledError extends Error {
  declare readonly code: string
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options)
    trimStack(this, new.target)
  }
}
identify(CancelledError, 'ERR_MP_CANCELLED')
