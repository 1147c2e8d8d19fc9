// Mistake: joins with a 1 ms timeout, which returns before the child has ended
// Fails: the parent waits for the child with join() before its own line
import * as mp from '@proclab/core'

// Exported, because the child re-imports this file and looks the target up by name.
export function greet(name: string, age: number): void {
  // Inside the child, process.pid is the child's own pid and process.ppid is the parent's.
  console.log(`child ${name} ${age} pid=${process.pid} ppid=${process.ppid}`)
}

// The guard: in the child this is false, so re-importing the file does not start another child.
if (mp.isMain(import.meta)) {
  const p = new mp.Process({ target: greet, args: ['kurong', 18] })
  p.start()
  await p.join(1)
  console.log(`parent pid=${process.pid}`)
}
