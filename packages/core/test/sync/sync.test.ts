import { describe, expect, test } from 'vitest'
import * as mp from '@proclab/core'
import { killLeftoversAfterEach, sharedMemoryFilesOf, start } from '../helpers.ts'
import {
  actionLog,
  barrierParty,
  conditionWaiter,
  dieHolding,
  gated,
  lockedIncrements,
  recordAction,
  releaseForeign,
  roundsAtBarrier,
  unlockedIncrements,
  writeSamples,
  writeShared,
} from '../fixtures/sync-targets.ts'

killLeftoversAfterEach()

async function run(target: (...args: any[]) => unknown, ...args: unknown[]): Promise<mp.Process> {
  const p = start(target, ...args)
  await p.join()
  return p
}

describe('Array and Value', () => {
  test('a write in a child is read by the parent, through shared memory', async () => {
    const array = mp.Array('i', 3)
    const value = mp.Value('d', 0)
    const chars = mp.Array('c', 2)
    expect((await run(writeShared, array, value, chars)).exitCode).toBe(0)
    expect([...array]).toEqual([250, 0, -7])
    expect(array.toArray()).toEqual([250, 0, -7])
    expect(array.getObj()).toBeInstanceOf(Int32Array)
    expect([...array.getObj()]).toEqual([250, 0, -7])
    expect(value.value).toBe(3.5)
    expect(chars[0]).toBe('é')
    expect(String(array)).toBe("Array('i', [ 250, 0, -7 ])")
    expect(JSON.stringify({ array })).toBe('{"array":[250,0,-7]}')
  })

  test('every typecode keeps its values across processes', async () => {
    const samples: Record<mp.Typecode, unknown> = {
      b: -128, B: 255, h: -32768, H: 65535, i: -(2 ** 31), I: 2 ** 32 - 1, f: 1.5, d: Math.PI,
      l: -(2n ** 63n), L: 2n ** 64n - 1n, q: 2n ** 63n - 1n, Q: 1n, c: 'Z',
    }
    const arrays = Object.fromEntries(Object.keys(samples).map((code) => [code, mp.Array(code as mp.Typecode, 2, { lock: false })]))
    expect((await run(writeSamples, arrays, samples)).exitCode).toBe(0)
    for (const [code, array] of Object.entries(arrays)) expect([code, array[1]]).toEqual([code, samples[code as mp.Typecode]])
  })

  test('initial values, length, negative indexes', () => {
    const array = mp.Array('d', [1, 2, 3])
    expect(array.length).toBe(3)
    expect(array[-1]).toBe(3)
    array[-3] = 9
    expect(array[0]).toBe(9)
    expect(mp.Value('q', 5n).value).toBe(5n)
  })

  test('an index out of range throws RangeError, on read and on write', () => {
    const array = mp.Array('i', 3)
    expect(() => array[3]).toThrow(RangeError)
    expect(() => array[-4]).toThrow('index -4 is out of range for an array of length 3')
    expect(() => {
      array[5] = 1
    }).toThrow(RangeError)
  })

  test('bad typecodes, sizes and element types are refused with what fits', () => {
    expect(() => mp.Array('x' as mp.Typecode, 3)).toThrow(/does not know the typecode 'x'. Use one of b B h H i I f d l L q Q c/)
    expect(() => mp.Value('z' as mp.Typecode, 0)).toThrow(TypeError)
    expect(() => mp.Array('i', -1)).toThrow(RangeError)
    const big = mp.Array('q', 1)
    expect(() => {
      big[0] = 1 as unknown as bigint
    }).toThrow("typecode 'q' holds a bigint (write 1n), got 1")
    const chars = mp.Array('c', 1)
    expect(() => {
      chars[0] = 'ab'
    }).toThrow('a 1-character string')
    const ints = mp.Array('i', 1)
    expect(() => {
      ints[0] = '7' as unknown as number
    }).toThrow('a number')
    expect(() => {
      ints[0] = 36.6
    }).toThrow("typecode 'i' holds whole numbers")
  })

  test('getLock() returns the guarding RLock; a raw array has none', () => {
    expect(mp.Array('i', 1).getLock()).toBeInstanceOf(mp.RLock)
    const lock = new mp.Lock()
    expect(mp.Value('i', 0, { lock }).getLock()).toBe(lock)
    expect('getLock' in mp.Array('i', 1, { lock: false })).toBe(false)
    expect(() => (mp.RawValue('i', 0) as unknown as mp.SynchronizedValue<number>).getLock()).toThrow('{ lock: false }')
  })

  test('locked increments from two processes are exact; the unlocked race is still counted within bounds', async () => {
    const counter = mp.Value('i', 0)
    const workers = [start(lockedIncrements, counter, 5000), start(lockedIncrements, counter, 5000)]
    for (const p of workers) await p.join()
    expect(counter.value).toBe(10_000)
    const raw = mp.RawArray('i', 1)
    const racers = [start(unlockedIncrements, raw, 100_000), start(unlockedIncrements, raw, 100_000)]
    for (const p of racers) await p.join()
    // Lost updates are possible, never gained ones: the race is real memory, not a message.
    expect(raw[0]).toBeGreaterThanOrEqual(100_000)
    expect(raw[0]).toBeLessThanOrEqual(200_000)
  })
})

describe('Lock and RLock', () => {
  test('acquire with block false or a timeout gives up; release of a free Lock throws', async () => {
    const lock = new mp.Lock()
    expect(await lock.acquire()).toBe(true)
    expect(await lock.acquire({ block: false })).toBe(false)
    expect(await lock.acquire({ timeout: 30 })).toBe(false)
    await lock.release()
    await expect(lock.release()).rejects.toThrow(mp.StateError)
    await expect(lock.runExclusive(() => Promise.reject(new Error('inside')))).rejects.toThrow('inside')
    expect(await lock.acquire({ block: false })).toBe(true)
  })

  test('an RLock is re-entrant, and only its holder may release it', async () => {
    const lock = new mp.RLock()
    await lock.acquire()
    await lock.acquire()
    await lock.release()
    const foreign = await run(releaseForeign, lock)
    expect(foreign.exitCode).toBe(1)
    await lock.release()
    await expect(lock.release()).rejects.toThrow(/does not hold the lock \(nobody does\)/)
  })

  test('a lock whose holder died is taken over by the next acquirer', async () => {
    const lock = new mp.Lock()
    const acquired = new mp.Event()
    const holder = start(dieHolding, lock, acquired)
    await acquired.wait()
    await holder.join()
    expect(holder.exitCode).toBe(-9)
    expect(await lock.acquire({ timeout: 5000 })).toBe(true)
  })
})

describe('Semaphore, Event, Condition, Barrier', () => {
  test('Semaphore(2) lets at most two processes in at once', async () => {
    const go = new mp.Event()
    const gate = new mp.Semaphore(2)
    const inside = mp.Value('i', 0)
    const most = mp.Value('i', 0)
    const workers = Array.from({ length: 5 }, () => start(gated, go, gate, inside, most))
    expect(await go.wait(20)).toBe(false)
    await go.set()
    for (const p of workers) await p.join()
    expect(workers.map((p) => p.exitCode)).toEqual([0, 0, 0, 0, 0])
    expect(most.value).toBeGreaterThanOrEqual(1)
    expect(most.value).toBeLessThanOrEqual(2)
    expect(await gate.getValue()).toBe(2)
  })

  test('a BoundedSemaphore refuses to go above its initial value; a Semaphore does not', async () => {
    const bounded = new mp.BoundedSemaphore(1)
    await expect(bounded.release()).rejects.toThrow(mp.StateError)
    const plain = new mp.Semaphore(1)
    await plain.release()
    expect(await plain.getValue()).toBe(2)
    expect(() => new mp.Semaphore(-1)).toThrow(RangeError)
  })

  test('Condition: waiters wake on notifyAll once the predicate holds; waiting without the lock throws', async () => {
    const cond = new mp.Condition()
    const ready = mp.Value('i', 0)
    const woke = mp.Value('i', 0)
    const waiters = [start(conditionWaiter, cond, ready, woke), start(conditionWaiter, cond, ready, woke)]
    await cond.runExclusive(async () => {
      ready.value = 1
      await cond.notifyAll()
    })
    for (const p of waiters) await p.join()
    expect(woke.value).toBe(2)
    await expect(cond.wait(10)).rejects.toThrow(/needs the condition's lock/)
    await expect(cond.notify()).rejects.toThrow(mp.StateError)
    expect(await cond.runExclusive(() => cond.wait(20))).toBe(false)
  })

  test('Barrier: each party gets a distinct index; the action runs once per round', async () => {
    const barrier = new mp.Barrier(3)
    const indexes = mp.Array('i', [-1, -1, -1])
    const parties = [0, 1, 2].map((slot) => start(barrierParty, barrier, indexes, slot))
    for (const p of parties) await p.join()
    expect([...indexes].sort()).toEqual([0, 1, 2])

    const log = mp.Array('i', 4)
    const withAction = new mp.Barrier(2, { action: recordAction })
    const pair = [start(roundsAtBarrier, withAction, log, 3), start(roundsAtBarrier, withAction, log, 3)]
    for (const p of pair) await p.join()
    expect(log.toArray().filter((pid) => pid !== 0)).toHaveLength(3)
    expect(actionLog).toBeUndefined()
  })

  test('Barrier: a timeout breaks it for everyone; abort() too', async () => {
    const barrier = new mp.Barrier(2)
    await expect(barrier.wait(30)).rejects.toThrow(mp.BrokenBarrierError)
    expect(barrier.broken).toBe(true)
    await expect(barrier.wait()).rejects.toThrow(/broken/)
    const aborted = new mp.Barrier(2)
    await aborted.abort()
    await expect(aborted.wait()).rejects.toThrow(mp.BrokenBarrierError)
  })

  test('an action that is not exported cannot cross to a child', async () => {
    const barrier = new mp.Barrier(2, { action: () => {} })
    expect(() => start(barrierParty, barrier, mp.Array('i', 2), 0)).toThrow(/cannot use .* as the action: it is not exported/)
  })
})

test('shared memory files are removed when the program that made them ends', async () => {
  const p = start(writeShared, mp.Array('i', 3), mp.Value('d', 0), mp.Array('c', 2))
  await p.join()
  expect(sharedMemoryFilesOf(process.pid).length).toBeGreaterThan(0)
  expect(sharedMemoryFilesOf(p.pid!)).toEqual([])
})
