/**
 * The program stays alive while tasks are out, as it would while a Pool works; idle, a cluster
 * caller holds nothing open (its sockets are unref'd), so a program ends when its main code is done.
 */
export class KeepAlive {
  #timer: NodeJS.Timeout | undefined
  #count = 0

  hold(): void {
    if (this.#count++ === 0) this.#timer = setInterval(() => {}, 1 << 30)
  }

  release(): void {
    if (--this.#count === 0) clearInterval(this.#timer)
  }

  /** Holds the program open until `promise` settles; returns it. */
  during<T>(promise: Promise<T>): Promise<T> {
    this.hold()
    promise.then(
      () => this.release(),
      () => this.release(),
    )
    return promise
  }
}

/** One for the whole process: every caller's pending work. */
export const keepAlive = new KeepAlive()
