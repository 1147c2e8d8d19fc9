import { setImmediate as nextTurn } from 'node:timers/promises'
import { sleepSync } from '../timeouts.ts'

/**
 * How a process waits for shared memory to change (a lock to come free, an event to be set). Node's
 * `Atomics.wait` needs a SharedArrayBuffer, which mapped memory is not, and a blocking system call
 * would stall the event loop; so a waiter polls, cheaply at first and more patiently as the wait
 * grows: a spin of a few microseconds (most locks are held that briefly), then event-loop turns for a
 * millisecond or two (other I/O still runs), then timers whose delay doubles up to 10 ms. A long wait
 * costs a hundred wake-ups a second; a short one is answered within microseconds.
 */

const SPINS = 1_000
const TURNS_MS = 2
const LONGEST_SLEEP_MS = 10
/** How often a long wait calls its `check` (a lock looks for a holder that died). */
const CHECK_EVERY_MS = 100

/**
 * Resolves true as soon as `attempt()` returns true, or false once `timeout` ms have passed.
 * @param check Called every 100 ms or so while waiting (a lock uses it to notice a dead holder).
 */
export async function pollUntil(attempt: () => boolean, timeout: number, check?: () => void): Promise<boolean> {
  for (let i = 0; i < SPINS; i++) if (attempt()) return true
  const start = performance.now()
  const deadline = start + timeout
  let lastCheck = start
  let sleep = 0.5
  for (;;) {
    const now = performance.now()
    if (check && now - lastCheck >= CHECK_EVERY_MS) {
      lastCheck = now
      check()
    }
    if (attempt()) return true
    if (now >= deadline) return false
    if (now - start < TURNS_MS) {
      await nextTurn()
    } else {
      sleep = Math.min(sleep * 2, LONGEST_SLEEP_MS, Math.max(deadline - now, 0))
      await new Promise((done) => setTimeout(done, sleep))
    }
  }
}

/**
 * The synchronous form of {@link pollUntil}, for element access of a locked Array or Value (which is
 * synchronous, as in Python): spins, then sleeps the thread in growing steps. Never gives up.
 */
export function pollUntilSync(attempt: () => boolean, check?: () => void): void {
  for (let i = 0; i < SPINS; i++) if (attempt()) return
  let lastCheck = performance.now()
  let sleep = 0.05
  while (!attempt()) {
    sleepSync(sleep)
    sleep = Math.min(sleep * 2, LONGEST_SLEEP_MS)
    const now = performance.now()
    if (check && now - lastCheck >= CHECK_EVERY_MS) {
      lastCheck = now
      check()
    }
  }
}
