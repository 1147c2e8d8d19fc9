// Lesson 02: make the parent wait for its child with join().
// Run it:   npx proclab run 02      Check it: npx proclab check 02
import * as mp from '@proclab/core'

// The child's work takes a while: it sleeps 300 ms between its two lines.
export async function work(name: string): Promise<void> {
  console.log(`child ${name}: working in pid=${process.pid}`)
  await mp.sleep(300)
  console.log(`child ${name}: finished`)
}

if (mp.isMain(import.meta)) {
  const p = new mp.Process({ target: work, args: ['laoniao'] })
  p.start()
  console.log(`parent: started ${p.name} pid=${p.pid}`)
  // TODO: wait here until the child has exited, so the last line really comes last.
  //       In Python this is `p.join()`; in proclab join returns a Promise.
  console.log(`parent: done, child exitCode=${p.exitCode}`)
}
