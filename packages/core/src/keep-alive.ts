/**
 * Python blocks in `get()`, `recv()` or `acquire()`; proclab awaits. An awaited promise alone does not
 * keep Node running, so while a local wait is pending one timer is ref'd and does (a program that waits
 * on its own queue is still busy, as a blocked Python program is). Ref-counting one long timer costs
 * far less per wait than creating and clearing a timer each time.
 */
let waits = 0
let timer: NodeJS.Timeout | undefined

/** Keeps this process alive until `wait` settles; returns `wait`. */
export function keepAliveWhile<T>(wait: Promise<T>): Promise<T> {
  if (waits++ === 0) (timer ??= setInterval(() => {}, 2 ** 30)).ref()
  const done = () => {
    if (--waits === 0) timer!.unref()
  }
  wait.then(done, done)
  return wait
}
