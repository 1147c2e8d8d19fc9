// Mistake: the parent prints the child's line itself, using p.pid and process.pid; greet prints nothing
// Fails: exactly one child ran
// Says: must be printed by the child process
import * as mp from '@proclab/core'

export function greet(name: string, age: number): void {}

if (mp.isMain(import.meta)) {
  const p = new mp.Process({ target: greet, args: ['kurong', 18] })
  p.start()
  await p.join()
  console.log(`child kurong 18 pid=${p.pid} ppid=${process.pid}`)
  console.log(`parent pid=${process.pid}`)
}
