import type { Connection } from './pipes/connection.ts'
import { EOFError } from './errors.ts'
import { serializeError, type PoolMessage, type PoolReply, type PoolTask, type TargetRef } from './transport/index.ts'
import { importExport } from './spawn/targets.ts'
import { packNumbers } from './packed-numbers.ts'
import { reviveShared } from './reduction.ts'
import { internally, trace } from './trace.ts'

/**
 * A pool worker's life (CPython's `pool.worker()`): run the initializer, then tasks from the pool's
 * pipe one at a time, replying with results or the error, until told to stop, until `maxTasks` tasks
 * are done (the pool then starts a fresh worker), or until the pool is gone.
 */
export async function poolWorker(tasks: Connection<PoolMessage>, initializer: TargetRef | null, initargs: unknown[], maxTasks: number): Promise<void> {
  if (initializer) await (await importExport<(...args: unknown[]) => unknown>(initializer))(...initargs)
  for (let done = 0; maxTasks === 0 || done < maxTasks; done++) {
    let task: PoolTask | null
    try {
      task = (await internally(() => tasks.recv())) as PoolTask | null
    } catch (error) {
      if (error instanceof EOFError) return // the pool went away
      throw error
    }
    if (task === null) return
    const reply = await run(task)
    try {
      await tasks.send(reply)
    } catch (error) {
      // A result that cannot be copied back fails its task, not the worker.
      await tasks.send({ kind: 'failed', index: task.index, error: serializeError(error) })
    }
  }
}

async function run(task: PoolTask): Promise<PoolReply> {
  trace('task-start', { task: task.index })
  // The name of what the task threw, on its task-end: a check can tell a task that failed in the worker from a line that says so.
  let threw: string | undefined
  try {
    const fn = await importExport<(...args: unknown[]) => unknown>(task.fn)
    const values: unknown[] = []
    const { calls } = task
    for (let i = 0; i < calls.length; i++) {
      const call = task.shared ? reviveShared(calls[i]) : calls[i]
      const value = task.spread ? fn(...(call as unknown[])) : fn(call)
      // Await only a promise: a million plain values would otherwise cost a million microtask turns.
      values.push(value instanceof Promise || (typeof value === 'object' && value !== null && typeof (value as PromiseLike<unknown>).then === 'function') ? await value : value)
    }
    return { kind: 'done', index: task.index, values: packNumbers(values) }
  } catch (error) {
    threw = error instanceof Error ? error.name : typeof error
    return { kind: 'failed', index: task.index, error: serializeError(error) }
  } finally {
    trace('task-end', threw === undefined ? { task: task.index } : { task: task.index, error: threw })
  }
}
