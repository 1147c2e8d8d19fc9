// Mistake: starts the child but never joins it, so the parent does not wait for it
// Fails: the parent waits for the child with join() before its own line
// Says: should `await p.join()`
import * as mp from '@proclab/core'

export function greet(name: string, age: number): void {
  console.log(`child ${name} ${age} pid=${process.pid} ppid=${process.ppid}`)
}

if (mp.isMain(import.meta)) {
  const p = new mp.Process({ target: greet, args: ['kurong', 18] })
  p.start()
  console.log(`parent pid=${process.pid}`)
}
