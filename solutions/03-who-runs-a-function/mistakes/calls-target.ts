// Mistake: writes target: whoRunsMe('child 1'), calling the function in the parent instead of passing it
// Fails: whoRunsMe was called once for child 1
// Says: Pass whoRunsMe as `target`
import * as mp from '@proclab/core'

export function whoRunsMe(caller: string): void {
  console.log(`${caller}: pid=${process.pid} ppid=${process.ppid} process=${mp.currentProcess().name}`)
}

if (mp.isMain(import.meta)) {
  const p1 = new mp.Process({ target: whoRunsMe('child 1') as any, args: [] })
  const p2 = new mp.Process({ target: whoRunsMe('child 2') as any, args: [] })
  p1.start()
  p2.start()
  await p1.join()
  await p2.join()
  whoRunsMe('parent')
}
