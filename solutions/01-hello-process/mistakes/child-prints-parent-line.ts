// Mistake: the child prints both lines, the parent's with process.ppid; the parent prints nothing of its own
// Fails: the child has its own pid, and its parent's pid is the program's
// Says: must be printed by the parent
import * as mp from '@proclab/core'

// Exported, because the child re-imports this file and looks the target up by name.
export function greet(name: string, age: number): void {
  // Inside the child, process.pid is the child's own pid and process.ppid is the parent's.
  console.log(`child ${name} ${age} pid=${process.pid} ppid=${process.ppid}`)
  console.log(`parent pid=${process.ppid}`)
}

// The guard: in the child this is false, so re-importing the file does not start another child.
if (mp.isMain(import.meta)) {
  const p = new mp.Process({ target: greet, args: ['kurong', 18] })
  p.start()
  await p.join()
}
