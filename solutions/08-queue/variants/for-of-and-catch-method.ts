// Variant: the reader takes one item per element of DATA with for…of, and shows the drain with a .catch on getNowait()
import * as mp from '@proclab/core'

/** What the writer "downloads" and puts on the queue, in this order. */
export const DATA = [11, 22, 33, 44]
/** Room for three items: the writer's fourth put has to wait until the reader takes one. */
export const MAXSIZE = 3

export async function writer(q: mp.Queue<number>): Promise<void> {
  for (const n of DATA) {
    // full() is only a snapshot (the reader may take an item a moment later), so it is printed, not trusted.
    if (await q.full()) console.log(`writer: the queue is full, put(${n}) will wait for room`)
    // put() waits while the queue holds MAXSIZE items, so nothing is skipped: no need to check full() first.
    await q.put(n)
    console.log(`writer: put ${n}`)
  }
  console.log('writer: done')
}

export async function reader(q: mp.Queue<number>): Promise<void> {
  // The reader is slow to start (say it opens a file first): by the time it takes its first item, the
  // writer has filled the queue, so the writer's fourth put always has to wait for room.
  await mp.sleep(500)
  const got: number[] = []
  // The reader knows how many items are coming, so it waits for each with a blocking get().
  // (Stopping as soon as empty() is true would be a race: the writer may simply not have put the next one yet.)
  for (const _ of DATA) got.push(await q.get())
  console.log(`reader: got ${JSON.stringify(got)}`)

  // Everything the writer will ever put has been taken, so a get that does not wait must fail with Empty.
  const drained = await q.getNowait().then(
    () => false,
    (error: unknown) => {
      if (error instanceof mp.Empty) return true
      throw error
    },
  )
  if (drained) console.log('reader: drained, getNowait() threw Empty')
}

if (mp.isMain(import.meta)) {
  const q = new mp.Queue<number>(MAXSIZE)
  // The queue goes to each child in args and arrives there connected to the same queue.
  const w = new mp.Process({ target: writer, args: [q], name: 'writer' })
  const r = new mp.Process({ target: reader, args: [q], name: 'reader' })
  w.start()
  r.start()
  await w.join()
  await r.join()
  // Both children are done: the writer put four items and the reader took four, so these are certain now.
  console.log(`main: after join, empty()=${await q.empty()} full()=${await q.full()}`)
}
