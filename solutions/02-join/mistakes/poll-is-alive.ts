// Mistake: waits by polling isAlive() every 50 ms instead of join()
// Fails: the parent waited with its own join() before its last line
import * as mp from '@proclab/core'

// The child's work takes a while: it sleeps 300 ms between its two lines.
export async function work(name: string): Promise<void> {
  console.log(`child ${name}: working in pid=${process.pid}`)
  await mp.sleep(300)
  console.log(`child ${name}: finished`)
}

if (mp.isMain(import.meta)) {
  const p = new mp.Process({ target: work, args: ['laoniao'] })
  // start() only launches the child and returns at once: from here on both processes run side by side,
  // so this line and the child's first line may come in either order.
  p.start()
  console.log(`parent: started ${p.name} pid=${p.pid}`)
  // join() resolves only once the child has exited. It returns a Promise: without `await` the parent
  // would not wait at all.
  while (p.isAlive()) await mp.sleep(50)
  // Everything below runs after the child is gone, so its exit code is known (0: it ended normally).
  console.log(`parent: done, child exitCode=${p.exitCode}`)
}
