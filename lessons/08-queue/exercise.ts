// Lesson 08: pass data from one process to another through a Queue.
// Run it:   npx proclab run 08      Check it: npx proclab check 08
import * as mp from '@proclab/core'

/** What the writer "downloads" and puts on the queue, in this order. */
export const DATA = [11, 22, 33, 44]
/** Room for three items: the writer's fourth put has to wait until the reader takes one. */
export const MAXSIZE = 3

export async function writer(q: mp.Queue<number>): Promise<void> {
  for (const n of DATA) {
    if (await q.full()) console.log(`writer: the queue is full, put(${n}) will wait for room`)
    // TODO: put n on the queue. put() returns a Promise: await it (it waits while the queue is full).
    //       Then report it: console.log(`writer: put ${n}`)
  }
  console.log('writer: done')
}

export async function reader(q: mp.Queue<number>): Promise<void> {
  // The reader is slow to start (say it opens a file first): by the time it takes its first item, the
  // writer has filled the queue, so the writer's fourth put always has to wait for room.
  await mp.sleep(500)
  const got: number[] = []
  // TODO: take DATA.length items off the queue, one `await q.get()` each, and push them onto `got`.
  console.log(`reader: got ${JSON.stringify(got)}`)

  // TODO: the writer puts nothing more, so the queue is now drained for good. Show it: call
  //       `await q.getNowait()` inside try { … } catch (error) { … }, and when the error is an mp.Empty,
  //       print `reader: drained, getNowait() threw Empty`. Rethrow any other error.
}

if (mp.isMain(import.meta)) {
  const q = new mp.Queue<number>(MAXSIZE)
  const w = new mp.Process({ target: writer, args: [q], name: 'writer' })
  const r = new mp.Process({ target: reader, args: [q], name: 'reader' })
  w.start()
  r.start()
  await w.join()
  await r.join()
  console.log(`main: after join, empty()=${await q.empty()} full()=${await q.full()}`)
}
