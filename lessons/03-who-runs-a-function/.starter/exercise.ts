// Lesson 03: a function belongs to whichever process calls it.
// Run it:   npx proclab run 03      Check it: npx proclab check 03
import * as mp from '@proclab/core'

// One ordinary function. It is neither "the child's" nor "the parent's": the process that calls it runs it.
export function whoRunsMe(caller: string): void {
  console.log(`${caller}: pid=${process.pid} ppid=${process.ppid} process=${mp.currentProcess().name}`)
}

if (mp.isMain(import.meta)) {
  // TODO: these two calls run whoRunsMe right here, in the parent. Run each one in a child of its own
  //       instead: a Process with target whoRunsMe and args ['child 1'] (and one with ['child 2']).
  //       Start both, then wait for both with `await p.join()`.
  whoRunsMe('child 1')
  whoRunsMe('child 2')

  // The parent calls the very same function itself, once its children are done.
  whoRunsMe('parent')
}
