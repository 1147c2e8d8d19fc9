// Lesson 01: start a child process.
// Run it:   npx proclab run 01      Check it: npx proclab check 01
import * as mp from '@proclab/core'

// The child runs this function. It is exported because the child re-imports this file to find it.
export function greet(name: string, age: number): void {
  // TODO: print `child <name> <age> pid=<pid> ppid=<ppid>`, using process.pid and process.ppid.
}

if (mp.isMain(import.meta)) {
  // TODO: create a Process whose target is greet, with args ['kurong', 18].
  // TODO: start it, then wait for it with `await p.join()`.
  console.log(`parent pid=${process.pid}`)
}
