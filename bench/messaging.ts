/**
 * Queues and pipes, side by side with Python: messages per second through a Queue (1 → 1, unbounded
 * and bounded, and 2 → 1), pipe round-trip latency, and pipe throughput with 1 MiB payloads. In every
 * case the producers are children and the parent consumes; clocks start at the first message, so
 * process start-up is not counted.
 */
import * as mp from '@proclab/core'
import { runPython } from './python.ts'
import { consume, echo, produce, sendBlocks } from './targets/messaging.ts'

export interface MessagingFigures {
  queue1to1: number
  queueToChild: number
  queueBounded: number
  queue2to1: number
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

export async function messagingBenchmark(scale: number): Promise<{ proclab: MessagingFigures; python: MessagingFigures | undefined }> {
  const proclab: MessagingFigures = {
    queue1to1: await queueRate(1, 0, 200_000 * scale),
    queueToChild: await queueToChildRate(20_000 * scale),
    queueBounded: await queueRate(1, 3, 20_000 * scale),
    queue2to1: await queueRate(2, 0, 100_000 * scale),
    pipeRoundTripMicros: await pipeRoundTrip(5_000 * scale),
    pipeMiBps: await pipeThroughput(200 * scale, 2 ** 20),
  }
  return { proclab, python: runPython<MessagingFigures>('messaging.py', [String(scale)]) }
}
