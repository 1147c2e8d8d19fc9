// Mistake: waits for the worker by polling isAlive() instead of join()
// Fails: the non-daemon worker finished its work before the parent ended
// Says: without having joined the worker
import * as mp from '@proclab/core'

// A daemon may loop forever: it ends when its parent ends, so no limit is needed any more.
export async function heartbeat(): Promise<void> {
  for (let beat = 1; ; beat++) {
    console.log(`heartbeat ${beat}`)
    await mp.sleep(100)
  }
}

// Finite work the program needs: it must run to its end.
export async function work(steps: number): Promise<void> {
  for (let step = 1; step <= steps; step++) {
    console.log(`worker step ${step}/${steps}`)
    await mp.sleep(100)
  }
  console.log('worker done')
}

if (mp.isMain(import.meta)) {
  // daemon: true means "terminate this child when I exit": the parent never waits for it.
  const pulse = new mp.Process({ target: heartbeat, name: 'heartbeat', daemon: true })
  // Not a daemon (the default): the program does not end before this child has.
  const worker = new mp.Process({ target: work, args: [5], name: 'worker' })
  pulse.start()
  worker.start()
  console.log(`heartbeat pid=${pulse.pid} daemon=${pulse.daemon}`)
  console.log(`worker pid=${worker.pid} daemon=${worker.daemon}`)

  // Wait for the work, never for the heartbeat: it is terminated as the parent exits, right after this line.
  while (worker.isAlive()) await mp.sleep(20)
  console.log('parent done')
}
