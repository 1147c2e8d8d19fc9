// Variant: the child has a name, greet builds the line in a variable, and the parent keeps its pid in a const
import * as mp from '@proclab/core'

export function greet(name: string, age: number): void {
  const line = ['child', name, String(age), `pid=${process.pid}`, `ppid=${process.ppid}`].join(' ')
  console.log(line)
}

if (mp.isMain(import.meta)) {
  const me = process.pid
  const child = new mp.Process({ target: greet, args: ['kurong', 18], name: 'greeter' })
  child.start()
  await child.join()
  console.log(`parent pid=${me}`)
}
