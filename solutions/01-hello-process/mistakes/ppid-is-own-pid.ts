// Mistake: greet prints process.pid twice, as pid and as ppid
// Fails: the child has its own pid, and its parent's pid is the program's
// Says: should be the parent's pid
import * as mp from '@proclab/core'

export function greet(name: string, age: number): void {
  console.log(`child ${name} ${age} pid=${process.pid} ppid=${process.pid}`)
}

if (mp.isMain(import.meta)) {
  const p = new mp.Process({ target: greet, args: ['kurong', 18] })
  p.start()
  await p.join()
  console.log(`parent pid=${process.pid}`)
}
