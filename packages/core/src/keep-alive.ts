/**
 * Python blocks in `get()`, `recv()` or `acquire()`; proclab awaits. An awaited promise alone does not
 * keep Node running, so while a local wait is pending this holds one timer that does (a program that
 * waits on its own queue is still busy, as a blocked Python program is).
 */
let waits = 0
let timer: NodeJS.Timeout | undefined

/** Keeps this process alive until `wait` settles; returns `wait`. */
export function keepAliveWhile<T>(wait: Promise<T>): Promise<T> {
  if (waits++ === 0) timer = setInterval(() => {}, 2 ** 30)
  const done = () => {
    if (--waits === 0) clearInterval(timer)
  }
  wait.then(done, done)
  return wait
}
