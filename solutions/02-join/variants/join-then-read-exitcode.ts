// Variant: the child is named in a variable, and the parent keeps the joined exit code in a const before printing
import * as mp from '@proclab/core'

export async function work(name: string): Promise<void> {
  console.log(`child ${name}: working in pid=${process.pid}`)
  await mp.sleep(300)
  console.log(`child ${name}: finished`)
}

if (mp.isMain(import.meta)) {
  const who = 'laoniao'
  const child = new mp.Process({ target: work, args: [who] })
  child.start()
  console.log(`parent: started ${child.name} pid=${child.pid}`)
  await child.join()
  const code = child.exitCode
  console.log(`parent: done, child exitCode=${code}`)
}
