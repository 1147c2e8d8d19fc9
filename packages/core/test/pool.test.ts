import { describe, expect, test, vi } from 'vitest'
import * as mp from '@proclab/core'
import { killLeftoversAfterEach } from './helpers.ts'
import { add, dieHard, failWith, identity, initWorker, lengthOf, readInit, returnsFunction, slowSquare, square, whoAmI } from './fixtures/pool-targets.ts'

killLeftoversAfterEach()

describe('Pool', () => {
  test('10 tasks on Pool(3) run in at most 3 workers named PoolWorker-N, reused', async () => {
    await using pool = new mp.Pool(3)
    const who = await Promise.all(Array.from({ length: 10 }, () => pool.applyAsync(whoAmI)))
    const pids = new Set(who.map((w) => w.pid))
    expect(pids.size).toBeLessThanOrEqual(3)
    expect(who.every((w) => /^PoolWorker-\d+$/.test(w.name))).toBe(true)
    expect(pids.has(process.pid)).toBe(false)
  })

  test('map, starmap, imap keep input order; imapUnordered yields every result', async () => {
    await using pool = new mp.Pool(2)
    const items = [5, 1, 4, 2, 3]
    expect(await pool.map(square, items)).toEqual([25, 1, 16, 4, 9])
    expect(await pool.map(square, items, 2)).toEqual([25, 1, 16, 4, 9])
    expect(await pool.starmap(add, [[1, 2], [3, 4]])).toEqual([3, 7])
    const inOrder: number[] = []
    for await (const value of pool.imap(square, items)) inOrder.push(value)
    expect(inOrder).toEqual([25, 1, 16, 4, 9])
    const unordered: number[] = []
    for await (const value of pool.imapUnordered(square, items, 2)) unordered.push(value)
    expect(unordered.sort((a, b) => a - b)).toEqual([1, 4, 9, 16, 25])
  })

  test('numbers cross packed with nothing changed (-0, NaN, ±Infinity, beyond 2^53); other values and mixed chunks as they are', async () => {
    await using pool = new mp.Pool(2)
    const numbers = [-0, NaN, Infinity, -Infinity, 2 ** 53 + 2, 0.1, -(2 ** 31), ...Array.from({ length: 200 }, (_, i) => i - 100)]
    const wholes = [-0, ...numbers.slice(7)] // whole numbers but for -0, which Int32Array cannot hold
    const mixed = [...numbers.slice(0, 60), 1n, '1', undefined, null, { n: 1 }, [2], new Date(0), ...numbers.slice(60)]
    // toEqual compares numbers with Object.is: -0 is not 0, NaN is NaN.
    const same = (results: unknown[], expected: unknown[]) => expect(results).toEqual(expected)
    for (const chunksize of [undefined, 1, 40, 500]) {
      same(await pool.map(identity, numbers, chunksize), numbers)
      same(await pool.map(identity, wholes, chunksize), wholes)
      same(await pool.map(identity, mixed, chunksize), mixed)
    }
    const words = Array.from({ length: 100 }, (_, i) => 'x'.repeat(i % 7))
    expect(await pool.map(lengthOf, words)).toEqual(words.map((word) => word.length))
    const pairs = numbers.map((n) => [n, 1] as [number, number])
    expect(await pool.starmap(add, pairs)).toEqual(pairs.map(([a, b]) => a + b))
    const streamed: unknown[] = []
    for await (const value of pool.imap(identity, mixed, 50)) streamed.push(value)
    same(streamed, mixed)
  })

  test('imap and imapUnordered read their input as they go: results before a failing input are yielded, then its error', async () => {
    await using pool = new mp.Pool(2)
    for (const api of ['imap', 'imapUnordered'] as const) {
      const seen: number[] = []
      const consume = async () => {
        for await (const value of pool[api](square, breaksAfter(3))) seen.push(value)
      }
      await expect(consume()).rejects.toThrow('the input broke after 3 items')
      expect(seen.sort((a, b) => a - b)).toEqual([0, 1, 4])
    }
  })

  test('imap does not read a long input whole before the first result; leaving the loop stops reading (and closes a generator)', async () => {
    await using pool = new mp.Pool(2)
    const input = counting(100_000)
    const first: number[] = []
    let readAtBreak = 0
    for await (const value of pool.imap(square, input.items)) {
      if (first.length === 0) expect(input.read()).toBeLessThan(1_000)
      first.push(value)
      if (first.length === 5) {
        readAtBreak = input.read()
        break
      }
    }
    expect(first).toEqual([0, 1, 4, 9, 16])
    expect(input.closed()).toBe(true) // closed by the pool, not run to its end
    expect(readAtBreak).toBeLessThan(100_000)
  })

  test('an imap started before close() still runs all of its input; join() waits for it', async () => {
    const pool = new mp.Pool(2)
    const results = pool.imap(square, counting(300).items, 7)
    pool.close()
    expect(() => pool.imap(square, [1])).toThrow('Pool.imap() cannot be used: the pool is closed.')
    let sum = 0
    for await (const value of results) sum += value
    expect(sum).toBe(Array.from({ length: 300 }, (_, n) => n * n).reduce((a, b) => a + b))
    await pool.join()
  })

  test('starmapAsync returns an AsyncResult of every tuple\'s result in order, with callback and errorCallback', async () => {
    await using pool = new mp.Pool(2)
    const seen: unknown[] = []
    const sums = pool.starmapAsync(add, [[1, 2], [3, 4], [5, 6]], 2, { callback: (values) => seen.push(values) })
    expect(sums).toBeInstanceOf(mp.AsyncResult)
    expect(await sums.get()).toEqual([3, 7, 11])
    const failing = pool.starmapAsync(failWith, [['broken']], undefined, { errorCallback: (error) => seen.push(error.message) })
    await expect(failing.get()).rejects.toThrow('broken')
    expect(failing.successful()).toBe(false)
    expect(seen).toEqual([[3, 7, 11], 'broken'])
  })

  test('apply waits; applyAsync returns an AsyncResult with get(timeout), ready(), successful()', async () => {
    await using pool = new mp.Pool(1)
    expect(await pool.apply(square, [7])).toBe(49)
    const slow = pool.applyAsync(slowSquare, [3, 300])
    expect(slow.ready()).toBe(false)
    expect(() => slow.successful()).toThrow(mp.StateError)
    await expect(slow.get(10)).rejects.toThrow(mp.TimeoutError)
    expect(await slow.get()).toBe(9)
    expect(slow.successful()).toBe(true)
  })

  test("a task's error reaches the parent with its class, name and message, and the worker's stack as cause", async () => {
    await using pool = new mp.Pool(1)
    const error = await pool.apply(failWith, ['no such thing']).catch((e: unknown) => e as Error)
    expect(error).toBeInstanceOf(RangeError)
    expect(error).toMatchObject({ name: 'RangeError', message: 'no such thing' })
    expect((error.cause as Error).stack).toMatch(/failWith .*pool-targets\.ts/)
    expect(await pool.apply(square, [2])).toBe(4) // the pool carries on
  })

  test('callbacks run before the result resolves; one that throws is reported and the pool carries on', async () => {
    const printed = vi.spyOn(console, 'error').mockImplementation(() => {})
    await using pool = new mp.Pool(1)
    const seen: unknown[] = []
    await pool.applyAsync(square, [3], { callback: (v) => seen.push(v) })
    await pool.applyAsync(failWith, ['x'], { errorCallback: (e) => seen.push(e.message) }).catch(() => {})
    await pool.applyAsync(square, [1], {
      callback: () => {
        throw new Error('callback bug')
      },
    })
    expect(seen).toEqual([9, 'x'])
    expect(printed.mock.calls[0]?.[0]).toMatch(/^Exception in a Pool callback \(the pool carries on\):\nError: callback bug/)
    printed.mockRestore()
  })

  test('a worker killed mid-task fails that task naming pid and signal, and is replaced', async () => {
    await using pool = new mp.Pool(1)
    const error = (await pool.apply(dieHard).catch((e: unknown) => e)) as Error
    expect(error).toBeInstanceOf(mp.ProcessError)
    expect(error.message).toMatch(/^PoolWorker-\d+ \(pid \d+\) was killed by SIGKILL while running a task; the task did not finish\.$/)
    expect(await pool.apply(square, [5])).toBe(25)
  })

  test('a task queued behind a killed one, never started, is run by the replacement worker', async () => {
    await using pool = new mp.Pool(1)
    const dying = pool.applyAsync(dieHard)
    const queued = [pool.applyAsync(square, [3]), pool.applyAsync(square, [4])] // sent to the same worker, behind dieHard
    await expect(dying.get()).rejects.toThrow(/^PoolWorker-\d+ \(pid \d+\) was killed by SIGKILL while running a task/)
    expect(await Promise.all(queued)).toEqual([9, 16])
  })

  test('initializer runs once in each worker; maxtasksperchild replaces workers', async () => {
    await using pool = new mp.Pool({ processes: 1, initializer: initWorker, initargs: ['ready'], maxtasksperchild: 2 })
    expect(await pool.apply(readInit)).toBe('ready')
    const pids = []
    for (let i = 0; i < 4; i++) pids.push((await pool.apply(whoAmI)).pid)
    expect(new Set(pids).size).toBe(3) // 5 tasks, 2 per worker
  })

  test('misuse: use after close, join while open, a non-exported function, an argument or result that cannot cross, a queue', async () => {
    const pool = new mp.Pool(1)
    await expect(pool.join()).rejects.toThrow('Pool.join() cannot wait while the pool is open')
    expect(() => pool.applyAsync(() => 1)).toThrow(/An inline arrow function cannot be re-imported/)
    expect(() => pool.applyAsync(square, [{ f: () => 1 }] as never)).toThrow('Pool.applyAsync() cannot send the arguments: args[0].f is a function')
    await expect(pool.map(square, [1, Symbol('s')] as never)).rejects.toThrow('Pool.map() cannot send the arguments: items[1] is a symbol')
    expect(() => pool.applyAsync(square, [new mp.Queue()] as never)).toThrow(/args\[0\]: it is a shared object of this process.*manager\.Queue\(\)/s)
    await expect(pool.apply(returnsFunction)).rejects.toThrow(/is a function, which cannot cross a process boundary/)
    pool.close()
    expect(() => pool.applyAsync(square, [1])).toThrow('Pool.applyAsync() cannot be used: the pool is closed.')
    await pool.join()
  })

  test('terminate() stops the workers and fails what was unfinished', async () => {
    const pool = new mp.Pool(1)
    const running = pool.applyAsync(slowSquare, [2, 10_000])
    await mp.sleep(200)
    await pool.terminate()
    await expect(running.get()).rejects.toThrow('Pool.terminate() stopped the pool before this task finished.')
  })

  test.each([0, -1, 1.5])('processes=%o is refused', (processes) => {
    expect(() => new mp.Pool(processes)).toThrow(/`processes` to be a positive whole number/)
  })
})

/** 0, 1, 2… then a throw, as a generator whose source fails part-way. */
function* breaksAfter(count: number): Generator<number> {
  for (let n = 0; n < count; n++) yield n
  throw new Error(`the input broke after ${count} items`)
}

/** 0 … count-1, counting how many were read and whether the generator was closed. */
function counting(count: number): { items: Generator<number>; read: () => number; closed: () => boolean } {
  let read = 0
  let closed = false
  function* items(): Generator<number> {
    try {
      for (let n = 0; n < count; n++) {
        read++
        yield n
      }
    } finally {
      closed = true
    }
  }
  return { items: items(), read: () => read, closed: () => closed }
}
