// Mistake: copies the first Process and forgets to change its args, so both children say 'child 1'
// Fails: whoRunsMe was called once for child 1
import * as mp from '@proclab/core'

export function whoRunsMe(caller: string): void {
  console.log(`${caller}: pid=${process.pid} ppid=${process.ppid} process=${mp.currentProcess().name}`)
}

if (mp.isMain(import.meta)) {
  const p1 = new mp.Process({ target: whoRunsMe, args: ['child 1'] })
  const p2 = new mp.Process({ target: whoRunsMe, args: ['child 1'] })
  p1.start()
  p2.start()
  await p1.join()
  await p2.join()
  whoRunsMe('parent')
}
