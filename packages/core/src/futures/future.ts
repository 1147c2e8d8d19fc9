import { inspect } from 'node:util'
import { CancelledError, TimeoutError } from '../errors.ts'
import { keepAliveWhile } from '../keep-alive.ts'
import { settledWithin, validTimeout } from '../timeouts.ts'

/** Used by the executor only: a future's transitions. */
export const START = Symbol('proclab.future.start')
export const SETTLE = Symbol('proclab.future.settle')

type State = 'pending' | 'running' | 'cancelled' | 'finished'

/**
 * The eventual result of a task submitted to a `ProcessPoolExecutor`, like Python's
 * `concurrent.futures.Future`; also awaitable.
 * @example
 * const f = executor.submit(square, 4)
 * console.log(await f.result(1000), f.done())
 */
export class Future<T = unknown> implements PromiseLike<T> {
  #state: State = 'pending'
  #outcome: { value: T } | { error: Error } | undefined
  readonly #callbacks: ((future: Future<T>) => void)[] = []
  readonly #settled: Promise<void>
  #wake!: () => void
  readonly #withdraw: () => boolean

  /** @internal Made by the executor; `withdraw` takes the task back if no worker has it yet. */
  constructor(withdraw: () => boolean) {
    this.#withdraw = withdraw
    this.#settled = new Promise((resolve) => (this.#wake = resolve))
  }

  /** The task's value; throws its error, `CancelledError`, or `TimeoutError` after `timeout` ms. */
  async result(timeout?: number): Promise<T> {
    await this.#wait(timeout, 'result')
    if (this.#state === 'cancelled') throw new CancelledError('Future.result(): the future was cancelled before it ran.')
    const outcome = this.#outcome!
    if ('error' in outcome) throw outcome.error
    return outcome.value
  }

  /** The task's error, or `null` if it succeeded; throws `CancelledError`, or `TimeoutError` after `timeout` ms. */
  async exception(timeout?: number): Promise<Error | null> {
    await this.#wait(timeout, 'exception')
    if (this.#state === 'cancelled') throw new CancelledError('Future.exception(): the future was cancelled before it ran.')
    const outcome = this.#outcome!
    return 'error' in outcome ? outcome.error : null
  }

  /** Cancels the task if no worker has started it; returns whether it is cancelled. */
  cancel(): boolean {
    if (this.#state === 'cancelled') return true
    if (this.#state !== 'pending' || !this.#withdraw()) return false
    this.#state = 'cancelled'
    this.#finish()
    return true
  }

  cancelled(): boolean {
    return this.#state === 'cancelled'
  }

  /** Whether a worker has it now. */
  running(): boolean {
    return this.#state === 'running'
  }

  /** Whether it finished, failed or was cancelled. */
  done(): boolean {
    return this.#state === 'cancelled' || this.#state === 'finished'
  }

  /** Calls `callback(future)` when it is done (at once if it is); one that throws is reported, the others still run. */
  addDoneCallback(callback: (future: Future<T>) => void): void {
    if (this.done()) run(callback, this)
    else this.#callbacks.push(callback)
  }

  then<A = T, B = never>(onFulfilled?: ((value: T) => A | PromiseLike<A>) | null, onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    return this.result().then(onFulfilled, onRejected)
  }

  toString(): string {
    return `<Future state=${this.#state}>`
  }

  [inspect.custom](): string {
    return this.toString()
  }

  /** @internal A worker took it; false if it was cancelled first. */
  [START](): boolean {
    if (this.#state !== 'pending') return false
    this.#state = 'running'
    return true
  }

  /** @internal */
  [SETTLE](outcome: { value: T } | { error: Error }): void {
    if (this.done()) return
    this.#outcome = outcome
    this.#state = 'finished'
    this.#finish()
  }

  #finish(): void {
    this.#wake()
    for (const callback of this.#callbacks.splice(0)) run(callback, this)
  }

  async #wait(timeout: number | undefined, api: string): Promise<void> {
    const ms = validTimeout(timeout, `Future.${api}()`)
    if (this.done()) return
    await keepAliveWhile(settledWithin(this.#settled, ms))
    if (!this.done()) throw new TimeoutError(`Future.${api}() timed out after ${ms} ms: the task has not finished.`)
  }
}

function run<T>(callback: (future: Future<T>) => void, future: Future<T>): void {
  try {
    callback(future)
  } catch (error) {
    console.error(`Exception in a Future's done-callback (the others still run):\n${inspect(error)}`)
  }
}
