import { AsyncLocalStorage } from 'node:async_hooks'
import { openSync, writeSync } from 'node:fs'
import { TRACE_ENV, TRACE_EPOCH_ENV } from './env.ts'
import type { TraceEventName, TraceSubject } from './transport/index.ts'
import { lazy } from './lazy-require.ts'

// Only a traced program asks which thread it runs on: an untraced child does not load worker_threads.
const workerThreads = lazy<typeof import('node:worker_threads')>('node:worker_threads')

/**
 * Every process of a traced program stamps events with one clock: the system's monotonic clock (the
 * same in all processes, never stepped) plus one offset to the epoch, taken by the first process and
 * inherited by its children through TRACE_EPOCH_ENV. Each process's own `performance.timeOrigin` is
 * only as exact as a millisecond, too coarse to order a release before the next acquire.
 */
let epoch = 0

const monotonicMs = () => Number(process.hrtime.bigint()) / 1e6

let fd: number | undefined
let subject: () => TraceSubject

/** True when this process writes trace events; checked before building any event, so tracing off costs one branch. */
export let tracing = false

/** Starts tracing if `PROCLAB_TRACE` is set; `self` describes this process for events about itself. */
export function initTracing(self: () => TraceSubject): void {
  subject = self
  const file = process.env[TRACE_ENV]
  if (!file || fd !== undefined) return
  // One append-mode descriptor: each event is one write(2), which O_APPEND keeps whole across processes.
  fd = openSync(file, 'a')
  epoch = Number(process.env[TRACE_EPOCH_ENV]) || performance.timeOrigin + performance.now() - monotonicMs()
  process.env[TRACE_EPOCH_ENV] = String(epoch)
  tracing = true // the descriptor stays open until the process ends, so events written at exit still land
  traceOutput()
}

/**
 * Traces what this process (or worker thread) writes to stdout and stderr, as `output` events, so a
 * reader can tell which process printed a line: in the program's merged output all lines look alike.
 */
function traceOutput(): void {
  const { isMainThread, threadId } = workerThreads()
  const thread = isMainThread ? {} : { thread: threadId }
  for (const stream of ['stdout', 'stderr'] as const) {
    const target = process[stream]
    const write = target.write.bind(target) as (...args: unknown[]) => boolean
    target.write = ((chunk: unknown, ...rest: unknown[]) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8')
      trace('output', { stream, text, ...thread })
      return write(chunk, ...rest)
    }) as typeof target.write
  }
}

/** Appends an event about this process (or, with `about`, another one: a child that was spawned or exited). */
export function trace(event: TraceEventName, fields: Record<string, unknown> = {}, about?: TraceSubject): void {
  if (!tracing) return
  const line = JSON.stringify({ t: epoch + monotonicMs(), ...(about ?? subject()), event, ...fields })
  writeSync(fd!, line + '\n')
}

/**
 * Traces an error proclab is about to throw to the program (`raise`, with its `name`, `code`, `message`
 * and what raised it), so a check can tell an error core really threw from a line that only says so,
 * and that a program printed the message it was given.
 * @example throw raised(new EOFError('…'), `recv ${connection}`)
 */
export function raised<E extends Error>(error: E, on: string): E {
  if (tracing) trace('raise', { on, error: error.name, code: (error as { code?: unknown }).code, message: error.message })
  return error
}

/** Traces a wait: `block` now, `unblock` when `wait` settles; the result is `wait`'s own. */
export function traceWait<T>(on: string, fields: Record<string, unknown>, wait: Promise<T>): Promise<T> {
  // Untraced, `wait` itself: an async wrapper would add a promise and turns to every wait.
  return tracing ? tracedWait(on, fields, wait) : wait
}

async function tracedWait<T>(on: string, fields: Record<string, unknown>, wait: Promise<T>): Promise<T> {
  const marked = insideProclab.getStore() ? { ...fields, internal: true } : fields
  trace('block', { on, ...marked })
  try {
    return await wait
  } finally {
    trace('unblock', { on, ...marked })
  }
}

/** Set while proclab waits for itself (see {@link internally}). */
const insideProclab = new AsyncLocalStorage<true>()

/**
 * Runs one of proclab's own waits (a pool reading its workers' replies, a worker reading its next
 * task): every wait it traces is marked `internal: true`, so a timeline can tell proclab's plumbing
 * from the program's own waits. Untraced, it only calls `wait`.
 */
export function internally<T>(wait: () => Promise<T>): Promise<T> {
  return tracing ? insideProclab.run(true, wait) : wait()
}
