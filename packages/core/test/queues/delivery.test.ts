import { readFileSync } from 'node:fs'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, test } from 'vitest'
import * as mp from '@proclab/core'
import { killLeftoversAfterEach, segmentPath, start } from '../helpers.ts'
import { consumeAsync, consumeBusy, putInOrderUnawaited, putUnawaited, sendInOrder, sendUnawaited, takeOne, takeOrHoldTheLoop } from '../fixtures/delivery-targets.ts'

killLeftoversAfterEach()

describe('un-awaited sends', () => {
  test('200 un-awaited 1 MiB puts from a child print no MaxListenersExceededWarning, and all arrive', async () => {
    const q = new mp.Queue<Uint8Array>()
    const warnings = mp.Value('i', 0)
    const p = start(putUnawaited, q, 200, 1 << 20, warnings)
    for (let i = 0; i < 200; i++) expect((await q.get()).length).toBe(1 << 20)
    await p.join()
    expect(p.exitCode).toBe(0)
    expect(warnings.value).toBe(0)
  })

  test('200 un-awaited 1 MiB sends on a pipe print no warning either', async () => {
    const [receiver, sender] = mp.Pipe<Uint8Array>({ duplex: false })
    const warnings = mp.Value('i', 0)
    const p = start(sendUnawaited, sender, 200, 1 << 20, warnings)
    sender.close()
    for (let i = 0; i < 200; i++) expect((await receiver.recv()).length).toBe(1 << 20)
    await p.join()
    expect(p.exitCode).toBe(0)
    expect(warnings.value).toBe(0)
  })
})

describe('several consumers', () => {
  test('a consumer stuck in slow work holds no items ahead: the other one takes them all', async () => {
    const ITEMS = 40
    const q = new mp.Queue<number>()
    const taken = mp.Value('i', 0)
    const counts = new mp.Queue<number>()
    const consumers = [0, 1].map(() => start(takeOrHoldTheLoop, q, taken, ITEMS, counts))
    // The parent (the owner) asks too, so no child is ever the sole consumer of a non-empty queue.
    await expect(q.getNowait()).rejects.toThrow(mp.Empty)
    for (let n = 0; n < ITEMS; n++) await q.put(n)
    for (const _ of consumers) await q.put(-1)
    expect([await counts.get(), await counts.get()].sort((x, y) => x - y)).toEqual([1, ITEMS - 1])
    for (const p of consumers) await p.join()
  })
})

describe('a consumer killed at any instant', () => {
  const ITEMS = 20_000
  const KILLS = 6

  /**
   * Two consumers take ITEMS items; one of them, at random, is SIGKILLed at a random instant and
   * replaced, KILLS times. Returns how many times each item was seen.
   */
  async function killConsumers(startConsumer: (q: mp.Queue<number>, seen: mp.RawArray<number>) => mp.Process): Promise<Int32Array> {
    const q = new mp.Queue<number>()
    const seen = mp.RawArray('i', ITEMS)
    for (let n = 0; n < ITEMS; n++) await q.put(n)
    const consumers = [startConsumer(q, seen), startConsumer(q, seen)]
    for (let kill = 0; kill < KILLS; kill++) {
      await mp.sleep(20 + Math.random() * 80)
      const victim = Math.floor(Math.random() * consumers.length)
      consumers[victim]!.kill()
      await consumers[victim]!.join()
      consumers[victim] = startConsumer(q, seen)
    }
    for (const _ of consumers) await q.put(-1)
    for (const p of consumers) await p.join()
    expect(consumers.map((p) => p.exitCode)).toEqual([0, 0])
    return seen.getObj() as Int32Array
  }

  /**
   * No item is seen twice. An item counts as taken the instant get() hands it over: a kill in the
   * microseconds before the program's own record of it takes it along (as in Python, where an item
   * read from the pipe by a killed process is gone), so at most one item per kill may go unseen.
   */
  function expectEachOnce(seen: Int32Array): void {
    const twice = [...seen.keys()].filter((n) => seen[n]! > 1)
    const never = [...seen.keys()].filter((n) => seen[n] === 0)
    expect(twice).toEqual([])
    expect(never.length).toBeLessThanOrEqual(KILLS)
  }

  test('busy in synchronous code between gets: nothing is delivered twice', async () => {
    expectEachOnce(await killConsumers((q, seen) => start(consumeBusy, q, seen, 0.05)))
  })

  test('awaiting between gets: nothing is delivered twice', async () => {
    expectEachOnce(await killConsumers((q, seen) => start(consumeAsync, q, seen)))
  })
})

describe('consumers that have gone', () => {
  test("leave none of their shared memory mapped in the queue's owner", async () => {
    setFlagsFromString('--expose-gc')
    const collectGarbage = runInNewContext('gc') as () => void
    const q = new mp.Queue<number>()
    const pids: number[] = []
    for (let i = 0; i < 20; i++) {
      await q.put(i)
      const p = start(takeOne, q)
      await p.join()
      pids.push(p.pid!)
    }
    await mp.sleep(50)
    collectGarbage()
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve))
    const maps = readFileSync('/proc/self/maps', 'utf8')
    expect(pids.filter((pid) => segmentPath(pid).test(maps))).toEqual([])
  })
})

describe('sends made under a lock arrive in the order the lock gave', () => {
  const WRITERS = 4
  const EACH = 2000
  const numbers = [...Array(WRITERS * EACH).keys()]

  test.each([
    ['put() on a queue', sendInOrder],
    ['an un-awaited put() in runExclusive', putInOrderUnawaited],
  ])('%s, from 4 processes', async (_, writer) => {
    const lock = new mp.Lock()
    const order = mp.RawValue('i', 0)
    const q = new mp.Queue<number>()
    const writers = Array.from({ length: WRITERS }, () => start(writer, lock, order, q, EACH))
    const got: number[] = []
    for (const _ of numbers) got.push(await q.get())
    for (const p of writers) await p.join()
    expect(got).toEqual(numbers)
  })

  test('send() on one pipe end held by 4 processes', async () => {
    const lock = new mp.Lock()
    const order = mp.RawValue('i', 0)
    const [receiver, sender] = mp.Pipe<number>({ duplex: false })
    const writers = Array.from({ length: WRITERS }, () => start(sendInOrder, lock, order, sender, EACH))
    sender.close()
    const got: number[] = []
    for (const _ of numbers) got.push(await receiver.recv())
    for (const p of writers) await p.join()
    expect(got).toEqual(numbers)
  })
})
