import { describe, expect, test } from 'vitest'
import * as mp from '@proclab/core'
import { killLeftoversAfterEach, start } from '../helpers.ts'
import { collect, drain, nested, putRange, putThenChange, putThenExitAtOnce, relayToGrandchild, tryPutOnFull, waitForever, work } from '../fixtures/queue-targets.ts'

killLeftoversAfterEach()

describe('Queue in one process', () => {
  test('keeps FIFO order and copies items', async () => {
    const q = new mp.Queue<{ n: number }>()
    const item = { n: 1 }
    await q.put(item)
    item.n = 2
    await q.put({ n: 3 })
    expect(await q.qsize()).toBe(2)
    expect(await q.get()).toEqual({ n: 1 })
    expect(await q.get()).toEqual({ n: 3 })
    expect(await q.empty()).toBe(true)
  })

  test('a full bounded queue throws Full without block, and after a timeout', async () => {
    const q = new mp.Queue<number>(2)
    await q.put(1)
    await q.putNowait(2)
    expect(await q.full()).toBe(true)
    await expect(q.putNowait(3)).rejects.toThrow(mp.Full)
    await expect(q.put(3, { timeout: 30 })).rejects.toThrow('Queue.put() found the queue full (maxsize 2) for 30 ms')
    expect(await q.get()).toBe(1)
    await q.put(3, { timeout: 30 })
    expect([await q.get(), await q.get()]).toEqual([2, 3])
  })

  test('an empty queue throws Empty without block, and after a timeout', async () => {
    const q = new mp.Queue<number>()
    await expect(q.getNowait()).rejects.toThrow('Queue.getNowait() found the queue empty.')
    await expect(q.get({ timeout: 20 })).rejects.toThrow('Queue.get() found the queue empty for 20 ms')
  })

  test('a closed queue throws StateError saying so', async () => {
    const q = new mp.Queue<number>()
    q.close()
    await expect(q.put(1)).rejects.toThrow(mp.StateError)
    await expect(q.get()).rejects.toThrow('Queue.get() cannot be used: this process closed the queue. Call get() before close().')
  })

  test.each([-1, 1.5, '3'])('maxsize %o is refused', (maxsize) => {
    expect(() => new mp.Queue(maxsize as number)).toThrow(RangeError)
  })

  test('an item that cannot be copied fails at put(), naming its path', async () => {
    const q = new mp.Queue()
    await expect(q.put({ onDone: () => {} })).rejects.toThrow('Queue.put() cannot send the item: item.onDone is a function (onDone)')
  })

  test('a queue cannot be put into a queue (hand it to a child in args instead)', async () => {
    await expect(new mp.Queue().put(new mp.Queue())).rejects.toThrow('item is a shared object')
  })
})

describe('Queue between processes', () => {
  test('a child producer reaches the parent; a parent producer reaches a child', async () => {
    const q = new mp.Queue<number>()
    const out = new mp.Queue<unknown[]>()
    start(putRange, q, 0, 5)
    expect(await Promise.all([0, 1, 2, 3, 4].map(() => q.get()))).toEqual([0, 1, 2, 3, 4])
    start(collect, q, out, 3)
    await putRange(q, 10, 3)
    expect(await out.get()).toEqual([10, 11, 12])
  })

  test('siblings talk through the queue, and a grandchild reaches its grandparent', async () => {
    const q = new mp.Queue<number>()
    const out = new mp.Queue<unknown[]>()
    start(putRange, q, 0, 4)
    start(collect, q, out, 4)
    expect(await out.get()).toEqual([0, 1, 2, 3])
    start(relayToGrandchild, q)
    expect([await q.get(), await q.get(), await q.get()]).toEqual([500, 501, 502])
  })

  test('a queue nested in an object arrives connected', async () => {
    const q = new mp.Queue<string>()
    const p = start(nested, { queues: [q] })
    expect(await q.get()).toBe(`nested from ${p.pid}`)
  })

  test('values of every structured-clone type arrive intact, a 5 MiB buffer too', async () => {
    const q = new mp.Queue<unknown>()
    const out = new mp.Queue<unknown[]>()
    const values = [new Map([['a', 1]]), new Set([1, 2]), new Date(0), 2n ** 70n, new Float64Array([1.5, 2.5]), { deep: { list: [1, 'two', null] } }, Buffer.alloc(5 * 2 ** 20, 7), 'x'.repeat(3 * 2 ** 20)]
    start(collect, q, out, values.length)
    for (const value of values) await q.put(value)
    const got = await out.get()
    expect(got.slice(0, 6)).toEqual(values.slice(0, 6))
    expect((got[6] as Uint8Array).length).toBe(5 * 2 ** 20)
    expect((got[6] as Uint8Array).every((byte) => byte === 7)).toBe(true)
    expect(got[7]).toBe(values[7])
  })

  test('a producer that exits right after put() loses nothing', async () => {
    const q = new mp.Queue<number>()
    const p = start(putThenExitAtOnce, q, 2000)
    await p.join()
    const got: number[] = []
    for (let i = 0; i < 2000; i++) got.push(await q.get({ timeout: 5000 }))
    expect(got).toEqual([...Array(2000).keys()])
  })

  test('put() copies the item at once, in a producer in another process too', async () => {
    const q = new mp.Queue<{ n: number }>()
    const p = start(putThenChange, q)
    expect(await q.get()).toEqual({ n: 1 })
    await p.join()
  })

  test('a consumer killed while waiting takes no item with it', async () => {
    const q = new mp.Queue<number>()
    const p = start(waitForever, q)
    await mp.sleep(300) // let it start waiting
    p.kill()
    await p.join()
    await q.put(42)
    expect(await q.get({ timeout: 2000 })).toBe(42)
  })

  test('a bounded queue holds no more than maxsize while its producer waits', async () => {
    const q = new mp.Queue<number>(3)
    const p = start(putRange, q, 0, 10)
    await mp.sleep(500)
    expect(await q.qsize()).toBe(3)
    expect(p.isAlive()).toBe(true)
    const got: number[] = []
    for (let i = 0; i < 10; i++) got.push(await q.get())
    expect(got).toEqual([...Array(10).keys()])
  })

  test('a producer in a child finds a full queue full: Full at once or after its timeout, then puts once there is room', async () => {
    const q = new mp.Queue<number>(1)
    const report = new mp.Queue<string>()
    await q.put(0)
    const p = start(tryPutOnFull, q, report)
    expect([await report.get(), await report.get()]).toEqual(['Full', 'Full'])
    expect(await q.get()).toBe(0)
    expect(await report.get()).toBe('put after room')
    expect(await q.get()).toBe(2)
    await p.join()
  })

  test('a bounded queue between children: producers in two children, the consumer in a third', async () => {
    const q = new mp.Queue<number | null>(2)
    const out = new mp.Queue<number[]>()
    const producers = [0, 1].map((k) => start(putRange, q, k * 1_000_000, 2_000))
    const consumer = start(drain, q, out)
    for (const p of producers) await p.join()
    await q.put(null)
    const got = await out.get()
    await consumer.join()
    expect(got).toHaveLength(4_000)
    for (const k of [0, 1]) {
      const own = got.filter((n) => Math.floor(n / 1_000_000) === k)
      expect(own).toEqual(Array.from({ length: 2_000 }, (_, i) => k * 1_000_000 + i))
    }
  })

  test('4 producers × 2 consumers, 1,000,000 items: each delivered once, each producer’s items in order', async () => {
    const q = new mp.Queue<number | null>()
    const out = new mp.Queue<number[]>()
    const producers = [0, 1, 2, 3].map((k) => start(putRange, q, k * 1_000_000, 250_000))
    const consumers = [0, 1].map(() => start(drain, q, out))
    for (const p of producers) await p.join()
    await q.put(null)
    await q.put(null)
    const [a, b] = [await out.get(), await out.get()]
    for (const got of [a, b]) {
      const last = [-1, -1, -1, -1]
      const inOrder = got.every((n) => {
        const k = Math.floor(n / 1_000_000)
        if (n <= last[k]!) return false
        last[k] = n
        return true
      })
      expect(inOrder).toBe(true)
    }
    expect(a!.length + b!.length).toBe(1_000_000)
    expect(new Set([...a!, ...b!]).size).toBe(1_000_000)
    for (const c of consumers) await c.join()
  }, 180_000) // a million messages: well under a minute here, with room for a loaded machine
})

describe('JoinableQueue', () => {
  test('join() waits until every item is marked done, across processes', async () => {
    const tasks = new mp.JoinableQueue<number>()
    const results = new mp.Queue<number>()
    const worker = new mp.Process({ target: work, args: [tasks, results], daemon: true })
    worker.start()
    for (const n of [1, 2, 3]) await tasks.put(n)
    await tasks.join()
    expect(await results.qsize()).toBe(3)
    expect(new Set([await results.get(), await results.get(), await results.get()])).toEqual(new Set([1, 4, 9]))
  })

  test('taskDone() more times than items throws StateError', async () => {
    const q = new mp.JoinableQueue<number>()
    await q.put(1)
    await q.get()
    await q.taskDone()
    await expect(q.taskDone()).rejects.toThrow('JoinableQueue.taskDone() was called more times than there were items')
  })
})

test('SimpleQueue puts and gets across processes', async () => {
  const q = new mp.SimpleQueue<number>()
  const p = start(putRange, q as unknown as mp.Queue<number>, 7, 2)
  expect([await q.get(), await q.get()]).toEqual([7, 8])
  expect(await q.empty()).toBe(true)
  await p.join()
})
