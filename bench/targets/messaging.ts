// proclab benchmark targets for queues and pipes.
import * as mp from '@proclab/core'

export async function produce(q: mp.Queue<number | null>, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await q.put(i)
  await q.put(null)
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
