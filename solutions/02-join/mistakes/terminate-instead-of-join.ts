// Mistake: calls p.terminate() where the join belongs, thinking it ends the child cleanly
// Fails: the child ran once, to the end
// Says: stops the child at once instead of waiting for it
import * as mp from '@proclab/core'

export async function work(name: string): Promise<void> {
  console.log(`child ${name}: working in pid=${process.pid}`)
  await mp.sleep(300)
  console.log(`child ${name}: finished`)
}

if (mp.isMain(import.meta)) {
  const p = new mp.Process({ target: work, args: ['laoniao'] })
  p.start()
  console.log(`parent: started ${p.name} pid=${p.pid}`)
  p.terminate()
  await mp.sleep(100)
  console.log(`parent: done, child exitCode=${p.exitCode}`)
}
