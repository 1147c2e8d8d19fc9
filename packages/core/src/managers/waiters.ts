/** A first-come first-served line of waiters, each woken once, or giving up at its timeout. */
export class Waiters {
  readonly #line = new Set<(woken: boolean) => void>()

  /** Resolves true when woken, false when `timeout` ms passed first. */
  wait(timeout: number): Promise<boolean> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined
      const settle = (woken: boolean) => {
        clearTimeout(timer)
        this.#line.delete(settle)
        resolve(woken)
      }
      this.#line.add(settle)
      if (timeout !== Infinity) timer = setTimeout(() => settle(false), timeout)
    })
  }

  /** Wakes the longest waiter; false if nobody waits. */
  wakeOne(): boolean {
    const first = this.#line.values().next()
    if (first.done) return false
    first.value(true)
    return true
  }

  wakeAll(): void {
    for (const settle of [...this.#line]) settle(true)
  }

  get size(): number {
    return this.#line.size
  }
}
