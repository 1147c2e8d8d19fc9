// Mistake: no isMain guard, so the child re-imports the file and runs the starting code again
// Fails: the program exits normally
// Says: put it inside `if (mp.isMain(import.meta))`
import * as mp from '@proclab/core'

export function greet(name: string, age: number): void {
  console.log(`child ${name} ${age} pid=${process.pid} ppid=${process.ppid}`)
}

const p = new mp.Process({ target: greet, args: ['kurong', 18] })
p.start()
await p.join()
console.log(`parent pid=${process.pid}`)
