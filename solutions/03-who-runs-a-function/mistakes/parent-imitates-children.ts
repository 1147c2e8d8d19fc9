// Mistake: the children are started with no target, and the parent prints their lines with p.pid and process.pid
// Fails: whoRunsMe was called once for child 1
// Says: must be printed by whoRunsMe running in a child process
import * as mp from '@proclab/core'

export function whoRunsMe(caller: string): void {
  console.log(`${caller}: pid=${process.pid} ppid=${process.ppid} process=${mp.currentProcess().name}`)
}

if (mp.isMain(import.meta)) {
  const p1 = new mp.Process({})
  const p2 = new mp.Process({})
  p1.start()
  p2.start()
  await p1.join()
  await p2.join()
  console.log(`child 1: pid=${p1.pid} ppid=${process.pid} process=${p1.name}`)
  console.log(`child 2: pid=${p2.pid} ppid=${process.pid} process=${p2.name}`)
  whoRunsMe('parent')
}
