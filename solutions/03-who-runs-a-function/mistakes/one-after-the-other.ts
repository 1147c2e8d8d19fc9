// Mistake: starts child 2 only after child 1 has been joined, so the two never run at the same time
// Fails: both children had ended before the parent's own line (join waits for that)
// Says: Start both children before you join either
import * as mp from '@proclab/core'

// One ordinary function. It is neither "the child's" nor "the parent's": the process that calls it runs it.
export function whoRunsMe(caller: string): void {
  console.log(`${caller}: pid=${process.pid} ppid=${process.ppid} process=${mp.currentProcess().name}`)
}

if (mp.isMain(import.meta)) {
  // Passing the function as `target` (not calling it) lets each child call it, in its own process.
  const p1 = new mp.Process({ target: whoRunsMe, args: ['child 1'] })
  const p2 = new mp.Process({ target: whoRunsMe, args: ['child 2'] })
  // Both start before either is joined, so they run at the same time and may print in either order.
  p1.start()
  await p1.join()
  p2.start()
  await p2.join()

  // Called directly, the same function runs in the parent: a third pid.
  whoRunsMe('parent')
}
