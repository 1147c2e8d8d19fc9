// proclab benchmark targets for queues and pipes.
import * as mp from '@proclab/core'

export async function produce(q: mp.Queue<number | null>, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await q.put(i)
  await q.put(null)
}

export async function echo(conn: mp.Connection<unknown>): Promise<void> {
  for (let value = await conn.recv(); value !== null; value = await conn.recv()) await conn.send(value)
}

export async function sendBlocks(conn: mp.Connection<Uint8Array | null>, count: number, bytes: number): Promise<void> {
  const block = new Uint8Array(bytes)
  for (let i = 0; i < count; i++) await conn.send(block)
  await conn.send(null)
}
