// Lesson 06: daemon children.
// Run it:   npx proclab run 06      Check it: npx proclab check 06
import * as mp from '@proclab/core'

// A heartbeat: a sign of life every 100 ms, for as long as the program runs.
export async function heartbeat(): Promise<void> {
  // TODO: this limit only keeps the unfinished starter from running forever. Once the heartbeat is a
  //       daemon, remove it (and the line after the loop) so that it beats until the parent ends.
  const maxBeats = 30
  for (let beat = 1; beat <= maxBeats; beat++) {
    console.log(`heartbeat ${beat}`)
    await mp.sleep(100)
  }
  console.log(`heartbeat stopped by itself after ${maxBeats} beats`)
}

// Finite work the program needs. Leave it as it is.
export async function work(steps: number): Promise<void> {
  for (let step = 1; step <= steps; step++) {
    console.log(`worker step ${step}/${steps}`)
    await mp.sleep(100)
  }
  console.log('worker done')
}

if (mp.isMain(import.meta)) {
  // TODO: make the heartbeat a daemon, so that it is stopped when the parent exits.
  const pulse = new mp.Process({ target: heartbeat, name: 'heartbeat' })
  const worker = new mp.Process({ target: work, args: [5], name: 'worker' })
  pulse.start()
  worker.start()
  console.log(`heartbeat pid=${pulse.pid} daemon=${pulse.daemon}`)
  console.log(`worker pid=${worker.pid} daemon=${worker.daemon}`)

  // The parent waits for the work, and never for the heartbeat.
  await worker.join()
  console.log('parent done')
}
