// Mistake: calls p.join() without await, so the parent does not wait
// Fails: the child finished before the parent's last line
// Says: Without `await`
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
  p.join()
  console.log(`parent: done, child exitCode=${p.exitCode}`)
}
