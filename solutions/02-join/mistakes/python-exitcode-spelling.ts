// Mistake: reads Python's spelling `p.exitcode`, which proclab does not have, so the parent prints `exitCode=undefined`
// Fails: after the join the parent reads the child's exit code, 0
// Says: spells the property `p.exitCode`
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
  await p.join()
  // Everything below runs after the child is gone, so its exit code is known (0: it ended normally).
  console.log(`parent: done, child exitCode=${(p as unknown as { exitcode: unknown }).exitcode}`)
}
