// Mistake: joins the child before starting it
// Fails: the program exits normally
import * as mp from '@proclab/core'

export async function work(name: string): Promise<void> {
  console.log(`child ${name}: working in pid=${process.pid}`)
  await mp.sleep(300)
  console.log(`child ${name}: finished`)
}

if (mp.isMain(import.meta)) {
  const p = new mp.Process({ target: work, args: ['laoniao'] })
  await p.join()
  p.start()
  console.log(`parent: started ${p.name} pid=${p.pid}`)
  console.log(`parent: done, child exitCode=${p.exitCode}`)
}
