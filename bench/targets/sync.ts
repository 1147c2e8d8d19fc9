import * as mp from '@proclab/core'

/** Waits for `start`, then adds 1 to `counter` `n` times, each under `lock`. */
export async function contend(lock: mp.Lock, counter: mp.RawValue<number>, n: number, start: mp.Event): Promise<void> {
  await start.wait()
  for (let i = 0; i < n; i++) await lock.runExclusive(() => (counter.value += 1))
}
