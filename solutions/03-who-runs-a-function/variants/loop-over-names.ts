// Variant: the children are made in a loop over their names, started, then joined in a second loop
import * as mp from '@proclab/core'

export function whoRunsMe(caller: string): void {
  console.log(`${caller}: pid=${process.pid} ppid=${process.ppid} process=${mp.currentProcess().name}`)
}

if (mp.isMain(import.meta)) {
  const children: mp.Process[] = []
  for (const name of ['child 1', 'child 2']) {
    const p = new mp.Process({ target: whoRunsMe, args: [name] })
    p.start()
    children.push(p)
  }
  for (const p of children) await p.join()
  whoRunsMe('parent')
}
