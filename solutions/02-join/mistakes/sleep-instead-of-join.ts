// Mistake: waits with mp.sleep(1000), long enough for the child, instead of joining it
// Fails: the parent waited with its own join() before its last line
// Says: only guesses how long the child takes
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
  await mp.sleep(1000)
  console.log(`parent: done, child exitCode=${p.exitCode}`)
}
