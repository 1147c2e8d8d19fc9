// Mistake: starts both children but joins neither
// Fails: both children had ended before the parent's own line (join waits for that)
// Says: should `await p.join()` for each
import * as mp from '@proclab/core'

export function whoRunsMe(caller: string): void {
  console.log(`${caller}: pid=${process.pid} ppid=${process.ppid} process=${mp.currentProcess().name}`)
}

if (mp.isMain(import.meta)) {
  const p1 = new mp.Process({ target: whoRunsMe, args: ['child 1'] })
  const p2 = new mp.Process({ target: whoRunsMe, args: ['child 2'] })
  p1.start()
  p2.start()
  whoRunsMe('parent')
}
