// Mistake: passes args: ['kurong'] only, so the child prints `child kurong undefined …`
// Fails: exactly one child ran
// Says: args: ['kurong', 18]
import * as mp from '@proclab/core'

export function greet(name: string, age: number): void {
  console.log(`child ${name} ${age} pid=${process.pid} ppid=${process.ppid}`)
}

if (mp.isMain(import.meta)) {
  const p = new mp.Process({ target: greet, args: ['kurong'] })
  p.start()
  await p.join()
  console.log(`parent pid=${process.pid}`)
}
