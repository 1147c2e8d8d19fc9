// Mistake: waits for both children by polling isAlive() instead of join()
// Fails: the parent still sees the original data after the joins
import * as mp from '@proclab/core'

// Module-level data. Each process that imports this file gets its own copy: the parent when it runs
// the program, each child when it re-imports the file to find `change`.
const names: string[] = []
let age = 22

// Runs in a child: it changes that child's copy, which nobody else can see.
// Each year takes a moment to live through (30 ms), so child-2 (10 years) ends well after child-1 (1 year).
export async function change(who: string, years: number): Promise<void> {
  await mp.sleep(years * 30)
  names.push(who)
  age += years
  console.log(`${who} pid=${process.pid} sees names=${JSON.stringify(names)} age=${age}`)
}

if (mp.isMain(import.meta)) {
  console.log(`parent pid=${process.pid} before: names=${JSON.stringify(names)} age=${age}`)
  const first = new mp.Process({ target: change, args: ['child-1', 1] })
  const second = new mp.Process({ target: change, args: ['child-2', 10] })
  first.start()
  second.start()
  // After both joins the children are gone, and with them every change they made.
  while (first.isAlive() || second.isAlive()) await mp.sleep(20)
  console.log(`parent pid=${process.pid} after: names=${JSON.stringify(names)} age=${age}`)
}
