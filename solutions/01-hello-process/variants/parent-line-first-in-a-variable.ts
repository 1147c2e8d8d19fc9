// Variant: the parent builds its line before starting the child and prints it after the join
import * as mp from '@proclab/core'

// Exported, because the child re-imports this file and looks the target up by name.
export function greet(name: string, age: number): void {
  // Inside the child, process.pid is the child's own pid and process.ppid is the parent's.
  console.log(`child ${name} ${age} pid=${process.pid} ppid=${process.ppid}`)
}

// The guard: in the child this is false, so re-importing the file does not start another child.
if (mp.isMain(import.meta)) {
  const mine = `parent pid=${process.pid}`
  const p = new mp.Process({ target: greet, args: ['kurong', 18] })
  p.start()
  await p.join()
  console.log(mine)
}
