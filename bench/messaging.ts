/**
 * Queues and pipes, side by side with Python: messages per second through a Queue (1 → 1, unbounded
 * and bounded, 2 → 1, and 4 → 2 with the consumers in children), pipe round-trip latency beside a
 * bare Node socket's, and pipe throughput with 1 MiB payloads. Clocks start at the first message, so
 * process start-up is not counted.
 */
import { fork } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as mp from '@proclab/core'
import { runPython } from './python.ts'
import { consume, consumeUntilNull, echo, produce, sendBlocks, type ConsumerSpan } from './targets/messaging.ts'

export interface MessagingFigures {
  queue1to1: number
  queueToChild: number
  queueBounded: number
  queue2to1: number
  queue4to2: number
  pipeRoundTripMicros: number
  pipeMiBps: number
}

async function queueRate(producers: number, maxsize: number, count: number): Promise<number> {
  const q = new mp.Queue<number | null>(maxsize)
  const children = Array.from({ length: producers }, () => new mp.Process({ target: produce, args: [q, count] }))
  for (const child of children) child.start()
  await q.get()
  const t0 = performance.now()
  let ended = 0
  let received = 1
  while (ended < producers) {
    if ((await q.get()) === null) ended++
    else received++
  }
  const seconds = (performance.now() - t0) / 1000
  for (const child of children) await child.join()
  return received / seconds
}

/** The parent produces, a child consumes: every get() of a child is a round trip to the queue's owner. */
async function queueToChildRate(count: number): Promise<number> {
  const q = new mp.Queue<number | null>()
  const done = new mp.Queue<number>()
  const child = new mp.Process({ target: consume, args: [q, done] })
  child.start()
  await produce(q, count)
  const elapsed = await done.get()
  await child.join()
  return count / (elapsed / 1000)
}

/**
 * Several producers and several consumers, all children, on one queue: the rate over the span from
 * the first item any consumer got to the last. The parent ends each consumer with one `null` once the
 * producers are done.
 */
async function queueManyToManyRate(producers: number, consumers: number, count: number): Promise<number> {
  const q = new mp.Queue<number | null>()
  const spans = new mp.Queue<ConsumerSpan>()
  const consuming = Array.from({ length: consumers }, () => new mp.Process({ target: consumeUntilNull, args: [q, spans] }))
  const producing = Array.from({ length: producers }, () => new mp.Process({ target: produce, args: [q, count, false] }))
  for (const child of [...consuming, ...producing]) child.start()
  for (const child of producing) await child.join()
  for (const _ of consuming) await q.put(null)
  const reported: ConsumerSpan[] = []
  for (const _ of consuming) reported.push(await spans.get())
  for (const child of consuming) await child.join()
  const items = reported.reduce((sum, span) => sum + span.items, 0)
  const seconds = (Math.max(...reported.map((span) => span.last)) - Math.min(...reported.map((span) => span.first))) / 1000
  return items / seconds
}

/** The floor under a pipe round trip: a bare Node child echoing raw bytes on a Unix socket. */
async function netRoundTrip(trips: number): Promise<number> {
  const folder = mkdtempSync(join(tmpdir(), 'proclab-bench-'))
  const path = join(folder, 's')
  const server = createServer()
  server.listen(path)
  await once(server, 'listening')
  const child = fork(fileURLToPath(new URL('./targets/echo-socket.mjs', import.meta.url)), [path], { execArgv: [] })
  const [socket] = (await once(server, 'connection')) as [import('node:net').Socket]
  socket.setNoDelay(true)
  const trip = () => new Promise<void>((resolve) => {
    socket.once('data', () => resolve())
    socket.write('x')
  })
  await trip()
  const t0 = performance.now()
  for (let i = 0; i < trips; i++) await trip()
  const micros = ((performance.now() - t0) * 1000) / trips
  socket.end()
  await once(child, 'exit')
  server.close()
  rmSync(folder, { recursive: true, force: true })
  return micros
}

async function pipeRoundTrip(trips: number): Promise<number> {
  const [a, b] = mp.Pipe<unknown>()
  const child = new mp.Process({ target: echo, args: [b] })
  child.start()
  b.close()
  await a.send(0)
  await a.recv()
  const t0 = performance.now()
  for (let i = 0; i < trips; i++) {
    await a.send(i)
    await a.recv()
  }
  const micros = ((performance.now() - t0) * 1000) / trips
  await a.send(null)
  await child.join()
  return micros
}

async function pipeThroughput(blocks: number, bytes: number): Promise<number> {
  const [receiveEnd, sendEnd] = mp.Pipe<Uint8Array | null>({ duplex: false })
  const child = new mp.Process({ target: sendBlocks, args: [sendEnd, blocks, bytes] })
  child.start()
  sendEnd.close()
  await receiveEnd.recv()
  const t0 = performance.now()
  let received = 1
  while ((await receiveEnd.recv()) !== null) received++
  const seconds = (performance.now() - t0) / 1000
  await child.join()
  return ((received - 1) * bytes) / 2 ** 20 / seconds
}

export async function messagingBenchmark(scale: number): Promise<{ proclab: MessagingFigures; python: MessagingFigures | undefined; netRoundTripMicros: number }> {
  const proclab: MessagingFigures = {
    queue1to1: await queueRate(1, 0, 200_000 * scale),
    queueToChild: await queueToChildRate(20_000 * scale),
    queueBounded: await queueRate(1, 3, 20_000 * scale),
    queue2to1: await queueRate(2, 0, 100_000 * scale),
    queue4to2: await queueManyToManyRate(4, 2, 50_000 * scale),
    pipeRoundTripMicros: await pipeRoundTrip(5_000 * scale),
    pipeMiBps: await pipeThroughput(200 * scale, 2 ** 20),
  }
  const netRoundTripMicros = await netRoundTrip(5_000 * scale)
  return { proclab, python: runPython<MessagingFigures>('messaging.py', [String(scale)]), netRoundTripMicros }
}
