import { StateError, TimeoutError } from './errors.ts'
import { keepAliveWhile } from './keep-alive.ts'
import { settledWithin, validTimeout } from './timeouts.ts'

/**
 * The result of a task that runs elsewhere, like Python's `AsyncResult`; also awaitable.
 * @example
 * const r = pool.applyAsync(square, [4])
 * console.log(await r.get(1000)) // 16, or TimeoutError after 1 s
 */
export class AsyncResult<T> implements PromiseLike<T> {
  readonly #promise: Promise<T>
  #settled: { ok: true; value: T } | { ok: false; error: unknown } | undefined

  /** @internal Made by Pool. */
  constructor(executor: (resolve: (value: T) => void, reject: (error: unknown) => void) => void) {
    this.#promise = new Promise<T>((resolve, reject) =>
      executor(
        (value) => {
          this.#settled = { ok: true, value }
          resolve(value)
        },
        (error) => {
          this.#settled = { ok: false, error }
          reject(error)
        },
      ),
    )
    this.#promise.catch(() => {}) // a failure is reported to whoever asks for it, not as unhandled
  }

  /** The value, or the task's error; `TimeoutError` if it is not ready within `timeout` ms. */
  async get(timeout?: number): Promise<T> {
    await this.wait(timeout)
    if (!this.#settled) throw new TimeoutError(`AsyncResult.get() timed out after ${timeout} ms: the task has not finished.`)
    return this.#promise
  }

  /** Waits until the result is ready, or `timeout` ms. */
  async wait(timeout?: number): Promise<void> {
    const ms = validTimeout(timeout, 'AsyncResult.wait()')
    if (this.#settled) return
    await keepAliveWhile(settledWithin(this.#promise, ms))
  }

  /** Whether the task has finished. */
  ready(): boolean {
    return this.#settled !== undefined
  }

  /** Whether it finished without an error; throws `StateError` if it has not finished. */
  successful(): boolean {
    if (!this.#settled) throw new StateError('AsyncResult.successful() cannot tell yet: the task has not finished. Call it after wait() or ready().')
    return this.#settled.ok
  }

  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.then(undefined, onRejected)
  }

  then<A = T, B = never>(onFulfilled?: ((value: T) => A | PromiseLike<A>) | null, onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    return keepAliveWhile(this.#promise).then(onFulfilled, onRejected)
  }
}
