import { afterEach } from 'vitest'
import * as mp from '@proclab/core'

/** Starts a process on `target` with `args`. */
export function start(target: (...args: any[]) => unknown, ...args: unknown[]): mp.Process {
  const p = new mp.Process({ target, args })
  p.start()
  return p
}

/** After each test, kills what it left running, so that a failing test leaks no process. */
export function killLeftoversAfterEach(): void {
  afterEach(async () => {
    for (const child of mp.activeChildren()) {
      child.kill()
      await child.join()
    }
  })
}
