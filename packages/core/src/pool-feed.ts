import { Deque } from './deque.ts'
import { keepAliveWhile } from './keep-alive.ts'

/** One chunk read out of a feed's input: its items (checked, ready to send), and the error that ended the input there, if any. */
export interface ReadChunk {
  items: unknown[]
  /** The items hold manager proxies (see checkTaskArguments). */
  shared: boolean
  /** The index of its first item in the whole input. */
  start: number
  /** The input threw (or an item could not be sent) after `items`. */
  failure?: { error: unknown }
}

/**
 * Reads an imap's input `chunksize` items at a time, for {@link FeedOptions.read}. `take` turns one
 * item (and its index in the whole input) into what is sent, and may throw: the error, like one the
 * input throws, ends the chunk as its failure. `close()` ends the input (a generator left part-way
 * runs its finally blocks).
 */
export function chunkReader(items: Iterable<unknown>, chunksize: number, take: (item: unknown, index: number) => { value: unknown; shared: boolean }): { read(): ReadChunk; close(): void } {
  const input = items[Symbol.iterator]()
  let index = 0
  return {
    read: () => {
      const chunk: ReadChunk = { items: [], shared: false, start: index }
      try {
        for (let step = input.next(); !step.done; step = input.next()) {
          const taken = take(step.value, index++)
          chunk.items.push(taken.value)
          chunk.shared ||= taken.shared
          if (chunk.items.length === chunksize) break
        }
      } catch (error) {
        chunk.failure = { error }
      }
      return chunk
    },
    close: () => void input.return?.(),
  }
}

export interface FeedOptions {
  /** Results in input order (imap), or in the order chunks finish (imapUnordered). */
  ordered: boolean
  /** Reads the next chunk of the input; an empty chunk without failure means the input is done. */
  read(): ReadChunk
  /** Sends one chunk as a task; resolves with its values. May throw (the pool was terminated). */
  submit(chunk: ReadChunk): Promise<unknown[]>
  /** Chunks that may be sent and unfinished at once: the input is read no further ahead. */
  window: number
  /** Called once the feed reads no more (input done, failed, or the consumer left). */
  ended(): void
}

/**
 * The input of `Pool.imap`/`imapUnordered`, read as Python's task handler reads it: from the call on,
 * chunk by chunk while the workers go, never whole before the first result. If the input throws
 * part-way, the results before the failure are yielded, then its error is raised. Reading stops when
 * the consumer leaves the loop (Python's handler would read on).
 */
export class Feed {
  readonly #options: FeedOptions
  /** Sent chunks in input order (imap). */
  readonly #sent = new Deque<Promise<unknown[]>>()
  /** Finished chunks in the order they finished (imapUnordered). */
  readonly #finished = new Deque<{ values: unknown[] } | { error: unknown }>()
  #unfinished = 0
  #failure: { error: unknown } | undefined
  #reading = true
  #pumping = false
  #wake: (() => void) | undefined

  constructor(options: FeedOptions) {
    this.#options = options
    this.#pump()
  }

  /** The results, as `ordered` says. */
  results(): AsyncGenerator<unknown> {
    return this.#options.ordered ? this.#inOrder() : this.#asFinished()
  }

  async *#inOrder(): AsyncGenerator<unknown> {
    try {
      for (;;) {
        const chunk = this.#sent.shift()
        if (chunk) yield* await keepAliveWhile(chunk)
        else if (this.#reading) await this.#change()
        else break
      }
      if (this.#failure) throw this.#failure.error
    } finally {
      this.#stop()
    }
  }

  async *#asFinished(): AsyncGenerator<unknown> {
    try {
      for (;;) {
        const outcome = this.#finished.shift()
        if (outcome && 'error' in outcome) throw outcome.error
        if (outcome) yield* outcome.values
        else if (this.#reading || this.#unfinished > 0) await this.#change()
        else break
      }
      if (this.#failure) throw this.#failure.error
    } finally {
      this.#stop()
    }
  }

  /** Reads and sends chunks while fewer than `window` are unfinished. */
  #pump(): void {
    if (this.#pumping) return
    this.#pumping = true
    try {
      while (this.#reading && this.#unfinished < this.#options.window) {
        const chunk = this.#options.read()
        if (chunk.items.length > 0) this.#send(chunk)
        if (chunk.failure || chunk.items.length === 0) {
          this.#failure ??= chunk.failure
          this.#stop()
        }
      }
    } finally {
      this.#pumping = false
    }
    this.#notify()
  }

  #send(read: ReadChunk): void {
    let chunk: Promise<unknown[]>
    try {
      chunk = this.#options.submit(read)
    } catch (error) {
      chunk = Promise.reject(error)
      this.#failure ??= { error }
      this.#stop()
    }
    this.#unfinished++
    if (this.#options.ordered) this.#sent.push(chunk)
    chunk.then(
      (values) => this.#settled({ values }),
      (error: unknown) => this.#settled({ error }),
    )
  }

  #settled(outcome: { values: unknown[] } | { error: unknown }): void {
    this.#unfinished--
    if (!this.#options.ordered) this.#finished.push(outcome)
    this.#pump()
  }

  #stop(): void {
    if (!this.#reading) return
    this.#reading = false
    this.#options.ended()
  }

  #change(): Promise<void> {
    return keepAliveWhile(new Promise((resolve) => (this.#wake = resolve)))
  }

  #notify(): void {
    const wake = this.#wake
    this.#wake = undefined
    wake?.()
  }
}
