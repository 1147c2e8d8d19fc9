// Mistake: calls p.join() without await, so the parent prints its line before the child has ended
// Fails: the parent waits for the child with join() before its own line
import * as mp from '@proclab/core'

export function greet(name: string, age: number): void {
  console.log(`child ${name} ${age} pid=${process.pid} ppid=${process.ppid}`)
}

if (mp.isMain(import.meta)) {
  const p = new mp.Process({ target: greet, args: ['kurong', 18] })
  p.start()
  p.join()
  console.log(`parent pid=${process.pid}`)
}
