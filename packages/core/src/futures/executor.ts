import { inspect } from 'node:util'
import { cpuCount } from '../cpu.ts'
import { BrokenProcessPool, StateError, withCode } from '../errors.ts'
import type { TargetRef } from '../transport/index.ts'
import { assertCloneable } from '../reduction.ts'
import { locateExport } from '../spawn/targets.ts'
import { checkTaskArguments, taskFunction, WorkerSet, type Task } from '../worker-set.ts'
import { Future, SETTLE, START } from './future.ts'
import { mapFutures } from './map.ts'

/** Options of a {@link ProcessPoolExecutor}, as Python's. */
export interface ExecutorOptions {
  /** How many worker processes; default `cpuCount()`. */
  maxWorkers?: number
  initializer?: (...args: any[]) => unknown
  initargs?: unknown[]
  /** A worker is replaced after this many tasks; default never. */
  maxTasksPerChild?: number
}

/**
 * Runs tasks in a pool of worker processes and returns `Future`s, like Python's
 * `concurrent.futures.ProcessPoolExecutor`. If a worker dies, the pool is broken: every unfinished
 * future fails with `BrokenProcessPool`, and so does every later `submit()`.
 * @example
 * await using executor = new ProcessPoolExecutor({ maxWorkers: 2 })
 * const f = executor.submit(square, 3)
 * console.log(await f.result()) // 9
 */
export class ProcessPoolExecutor {
  readonly #workers: WorkerSet
  readonly #functions = new Map<Function, TargetRef>()
  readonly #futures = new Set<Future<any>>()
  #tasks = 0
  #shutdown = false
  #broken: BrokenProcessPool | undefined

  constructor({ maxWorkers = cpuCount(), initializer, initargs = [], maxTasksPerChild = 0 }: ExecutorOptions = {}) {
    if (!Number.isInteger(maxWorkers) || maxWorkers < 1) {
      throw withCode(new RangeError(`new ProcessPoolExecutor() expects \`maxWorkers\` to be a positive whole number, got ${inspect(maxWorkers)}.`), 'ERR_MP_INVALID_ARG')
    }
    assertCloneable(initargs, 'initargs', 'new ProcessPoolExecutor()', 'the initargs', () => {})
    this.#workers = new WorkerSet({
      processes: maxWorkers,
      initializer: initializer ? locateExport(initializer, 'new ProcessPoolExecutor()', 'initializer') : null,
      initargs,
      maxTasksPerChild,
      onDeath: (task, _error, how) => this.#break(task, how),
    })
  }

  /** Schedules `fn(...args)` in a worker. */
  submit<A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, ...args: A): Future<Awaited<R>> {
    if (this.#broken) throw this.#broken
    if (this.#shutdown) throw new StateError('ProcessPoolExecutor.submit() cannot be used after shutdown(): create a new executor.')
    const ref = taskFunction(this.#functions, fn, 'ProcessPoolExecutor.submit()')
    const { value, shared } = checkTaskArguments('ProcessPoolExecutor.submit()', args, 'args')
    const task: Task = {
      index: this.#tasks++,
      fn: ref,
      calls: [value],
      spread: true,
      shared,
      settle: (outcome) => future[SETTLE]('values' in outcome ? { value: outcome.values[0] as Awaited<R> } : outcome),
      dispatched: () => void future[START](),
    }
    const future: Future<Awaited<R>> = new Future(() => this.#workers.withdraw(task))
    this.#futures.add(future)
    future.addDoneCallback(() => this.#futures.delete(future))
    this.#workers.submit(task)
    return future
  }

  /**
   * `fn(item)` for every item, as an async iterable of results in input order. As in Python, every call
   * is submitted at once, by this call; `timeout` ms bounds the whole, counted from here.
   */
  map<T, R>(fn: (item: T) => R | Promise<R>, items: Iterable<T>, { timeout }: { timeout?: number } = {}): AsyncGenerator<Awaited<R>> {
    return mapFutures('ProcessPoolExecutor.map()', (item: T) => this.submit(fn, item), items, timeout)
  }

  /**
   * No more tasks. `wait`: resolve once the workers have finished what was submitted and exited.
   * `cancelFutures`: cancel every future no worker has started.
   */
  async shutdown({ wait = true, cancelFutures = false }: { wait?: boolean; cancelFutures?: boolean } = {}): Promise<void> {
    this.#shutdown = true
    if (cancelFutures) for (const future of this.#futures) future.cancel()
    this.#workers.close()
    if (wait) await this.#workers.join()
  }

  /** `await using executor = …`: shutdown({ wait: true }) at scope exit, as Python's `with`. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.shutdown({ wait: true })
  }

  /**
   * A worker died while running `task`: as in Python, the executor is broken, and every unfinished future
   * fails with BrokenProcessPool, each saying what happened to it.
   */
  #break(task: Task, how: string): void {
    const why = `a process in the ProcessPoolExecutor ended abruptly (${how})`
    const after = 'Every unfinished future fails, and the executor takes no more tasks: create a new one.'
    this.#broken ??= new BrokenProcessPool(`${capitalized(why)}. ${after}`)
    task.settle({ error: new BrokenProcessPool(`${capitalized(why)} while running this task. ${after}`) })
    const { running, notStarted } = this.#workers.terminate()
    const stopped = new BrokenProcessPool(`This task was stopped before it finished, with the other workers: ${why} while running another task. ${after}`)
    for (const other of running) other.settle({ error: stopped })
    const never = new BrokenProcessPool(`This task never started: ${why} while running another task. ${after}`)
    for (const other of notStarted) other.settle({ error: never })
  }
}

function capitalized(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1)
}
