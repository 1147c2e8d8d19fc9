// Mistake: crash() catches its error, prints the `Process crasher:` report itself and exits with 1, so stderr and the exit code look right
// Fails: the crasher's error went to its own stderr
// Says: not made by proclab
import * as mp from '@proclab/core'

/** Steps of the slow job: 30 × 100 ms = 3 s, far longer than the parent is willing to wait. */
export const SLOW_STEPS = 30

// Returns normally: the exit code is 0.
export function finish(): void {
  console.log(`${mp.currentProcess().name}: finished my work`)
}

// An uncaught error ends the child with exit code 1; proclab prints `Process crasher:` and the stack on
// the child's stderr. The parent is not affected: the error stays in the child's own process.
export function crash(): void {
  // Catching the error and faking the report proclab would print, with an exit code of my own.
  try {
    throw new Error('the crasher gave up')
  } catch (error) {
    console.error(`Process crasher:\n${(error as Error).stack}`)
    process.exit(1)
  }
}

// process.exit(n) ends the child at once, and n becomes its exit code.
export function quit(): void {
  console.log(`${mp.currentProcess().name}: leaving with exit code 3`)
  process.exit(3)
}

// A job that would keep going for 3 s; the parent stops it early.
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

  // join(timeout) returns after at most 500 ms; the sleeper is still running, so exitCode is still null.
  await sleeper.join(500)
  console.log(`after join(500): ${sleeper.name} alive=${sleeper.isAlive()} exitCode=${sleeper.exitCode}`)
  // terminate() sends SIGTERM; the child dies of that signal, so its exit code will be -15.
  sleeper.terminate()

  // Only after join() is the exit code known for sure.
  for (const p of children) await p.join()
  for (const p of children) {
    console.log(`joined ${p.name} pid=${p.pid} exitCode=${p.exitCode} alive=${p.isAlive()}`)
  }
  console.log(`after join: ${sleeper}`)
  console.log('parent done')
}
