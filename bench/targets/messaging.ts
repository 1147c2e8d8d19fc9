// proclab benchmark targets for queues and pipes.
import * as mp from '@proclab/core'

/** Puts `count` numbers, then a `null` unless `ending` is false. */
export async function produce(q: mp.Queue<number | null>, count: number, ending = true): Promise<void> {
  for (let i = 0; i < count; i++) await q.put(i)
  if (ending) await q.put(null)
}

/** What one of several consumers got: how many items, between which wall-clock instants (ms). */
export interface ConsumerSpan {
  items: number
  first: number
  last: number
}

/** Gets until `null`, then reports its span on `spans`. */
export async function consumeUntilNull(q: mp.Queue<number | null>, spans: mp.Queue<ConsumerSpan>): Promise<void> {
  const now = () => performance.timeOrigin + performance.now()
  let items = 0
  let first = 0
  let last = 0
  while ((await q.get()) !== null) {
    last = now()
    if (items++ === 0) first = last
  }
  await spans.put({ items, first, last })
}

/** Gets until `null`; reports the ms from its first item to the end. */
export async function consume(q: mp.Queue<number | null>, done: mp.Queue<number>): Promise<void> {
  await q.get()
  const t0 = performance.now()
  while ((await q.get()) !== null) {}
  await done.put(performance.now() - t0)
}

export async function echo(conn: mp.Connection<unknown>): Promise<void> {
  for (let value = await conn.recv(); value !== null; value = await conn.recv()) await conn.send(value)
}

export async function sendBlocks(conn: mp.Connection<Uint8Array | null>, count: number, bytes: number): Promise<void> {
  const block = new Uint8Array(bytes)
  for (let i = 0; i < count; i++) await conn.send(block)
  await conn.send(null)
}
