// Lesson 07: every process has its own copy of the module's data.
// Run it:   npx proclab run 07      Check it: npx proclab check 07
import * as mp from '@proclab/core'

// Module-level data: one list and one number.
const names: string[] = []
let age = 22

// Each year takes a moment to live through (30 ms), so child-2 (10 years) ends well after child-1 (1 year).
export async function change(who: string, years: number): Promise<void> {
  await mp.sleep(years * 30)
  // TODO: add `who` to `names` and `years` to `age`, before the line below prints them.
  console.log(`${who} pid=${process.pid} sees names=${JSON.stringify(names)} age=${age}`)
}

if (mp.isMain(import.meta)) {
  console.log(`parent pid=${process.pid} before: names=${JSON.stringify(names)} age=${age}`)
  const first = new mp.Process({ target: change, args: ['child-1', 1] })
  first.start()
  // TODO: start a second child that runs change('child-2', 10) alongside the first, and join it too.
  await first.join()
  console.log(`parent pid=${process.pid} after: names=${JSON.stringify(names)} age=${age}`)
}
