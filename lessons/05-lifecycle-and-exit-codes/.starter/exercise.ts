// Lesson 05: a process's life, and the exit code it leaves behind.
// Run it:   npx proclab run 05      Check it: npx proclab check 05
import * as mp from '@proclab/core'

/** Steps of the slow job: 30 × 100 ms = 3 s, far longer than the parent is willing to wait. */
export const SLOW_STEPS = 30

// This child returns normally. Leave it as it is.
export function finish(): void {
  console.log(`${mp.currentProcess().name}: finished my work`)
}

export function crash(): void {
  // TODO: make this child crash: throw an Error (and do not catch it).
  console.log(`${mp.currentProcess().name}: nothing went wrong (yet)`)
}

export function quit(): void {
  console.log(`${mp.currentProcess().name}: leaving with exit code 3`)
  // TODO: end this child with exit code 3, as Python's sys.exit(3) would.
}

// A job that would keep going for 3 s. Leave it as it is: the parent will stop it early.
export async function slowJob(): Promise<void> {
  for (let step = 1; step <= SLOW_STEPS; step++) await mp.sleep(100)
  console.log(`${mp.currentProcess().name}: finished all ${SLOW_STEPS} steps`)
}

if (mp.isMain(import.meta)) {
  const children = [
    new mp.Process({ target: finish, name: 'finisher' }),
    new mp.Process({ target: crash, name: 'crasher' }),
    new mp.Process({ target: quit, name: 'quitter' }),
    new mp.Process({ target: slowJob, name: 'sleeper' }),
  ]
  const sleeper = children[3]!
  console.log(`before start: ${sleeper}`)

  for (const p of children) {
    p.start()
    console.log(`started ${p.name} pid=${p.pid} alive=${p.isAlive()} exitCode=${p.exitCode}`)
  }

  // Wait for the sleeper, but for 500 ms at most.
  await sleeper.join(500)
  console.log(`after join(500): ${sleeper.name} alive=${sleeper.isAlive()} exitCode=${sleeper.exitCode}`)
  // TODO: the parent will not wait 3 s: stop the sleeper now.

  for (const p of children) await p.join()
  for (const p of children) {
    console.log(`joined ${p.name} pid=${p.pid} exitCode=${p.exitCode} alive=${p.isAlive()}`)
  }
  console.log(`after join: ${sleeper}`)
  console.log('parent done')
}
