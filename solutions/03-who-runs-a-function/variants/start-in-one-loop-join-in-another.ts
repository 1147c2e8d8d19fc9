// Variant: the children are built from a list of labels, started in one loop and joined in another, in reverse order
import * as mp from '@proclab/core'

// One ordinary function. It is neither "the child's" nor "the parent's": the process that calls it runs it.
export function whoRunsMe(caller: string): void {
  console.log(`${caller}: pid=${process.pid} ppid=${process.ppid} process=${mp.currentProcess().name}`)
}

if (mp.isMain(import.meta)) {
  // Passing the function as `target` (not calling it) lets each child call it, in its own process.
  const children = ['child 1', 'child 2'].map((label) => new mp.Process({ target: whoRunsMe, args: [label] }))
  // Both start before either is joined, so they run at the same time and may print in either order.
  for (const child of children) child.start()
  for (const child of [...children].reverse()) await child.join()

  // Called directly, the same function runs in the parent: a third pid.
  whoRunsMe('parent')
}
