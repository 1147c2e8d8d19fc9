// Mistake: the parent waits with a sleep and prints the child's finished line itself
// Fails: the child ran once, to the end
// Says: must be printed by the child process
import * as mp from '@proclab/core'

export async function work(name: string): Promise<void> {
  console.log(`child ${name}: working in pid=${process.pid}`)
  await mp.sleep(300)
  console.log(`child ${name}: finished`)
}

export async function quick(name: string): Promise<void> {
  console.log(`child ${name}: working in pid=${process.pid}`)
}

if (mp.isMain(import.meta)) {
  const p = new mp.Process({ target: quick, args: ['laoniao'] })
  p.start()
  console.log(`parent: started ${p.name} pid=${p.pid}`)
  await p.join()
  console.log('child laoniao: finished')
  console.log(`parent: done, child exitCode=${p.exitCode}`)
}
