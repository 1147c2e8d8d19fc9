import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import * as mp from '@proclab/core'
import { failingAction, logRound } from '../fixtures/sync-targets.ts'

// One behaviour table for the synchronization primitives, run against both backends, as CPython's
// suite runs its tests per backend: shared memory (`new mp.Lock()`) and a manager's server
// (`await manager.Lock()`). Where the two APIs differ by design (a proxy's every member is an async
// method), `Primitives` says so; the behaviour and the error messages must not differ.

/** The waiting calls both a primitive and its proxy have. */
interface Lockish {
  acquire(options?: mp.WaitOptions): Promise<boolean>
  release(): Promise<void>
  runExclusive<T>(fn: () => T | Promise<T>): Promise<T>
}
interface Semaphoreish extends Lockish {
  getValue(): Promise<number>
}
interface Eventish {
  set(): Promise<void>
  clear(): Promise<void>
  isSet(): Promise<boolean>
  wait(timeout?: number): Promise<boolean>
}
interface Conditionish extends Lockish {
  wait(timeout?: number): Promise<boolean>
  waitFor<T>(predicate: () => T | Promise<T>, timeout?: number): Promise<T>
  notify(n?: number): Promise<void>
  notifyAll(): Promise<void>
}
interface Barrierish {
  wait(timeout?: number): Promise<number>
  abort(): Promise<void>
  /** A Barrier's `broken` property; a proxy's `broken()` method. */
  isBroken(): Promise<boolean>
}

interface Primitives {
  Lock(): Promise<Lockish>
  RLock(): Promise<Lockish>
  Semaphore(value?: number): Promise<Semaphoreish>
  BoundedSemaphore(value?: number): Promise<Semaphoreish>
  Event(): Promise<Eventish>
  Condition(): Promise<Conditionish>
  Barrier(parties: number, options?: mp.BarrierOptions): Promise<Barrierish>
}

const local: Primitives = {
  Lock: async () => new mp.Lock(),
  RLock: async () => new mp.RLock(),
  Semaphore: async (value) => new mp.Semaphore(value),
  BoundedSemaphore: async (value) => new mp.BoundedSemaphore(value),
  Event: async () => new mp.Event(),
  Condition: async () => new mp.Condition(),
  Barrier: async (parties, options) => {
    const barrier = new mp.Barrier(parties, options)
    return { wait: (timeout) => barrier.wait(timeout), abort: () => barrier.abort(), isBroken: async () => barrier.broken }
  },
}

let manager: mp.SyncManager
const managed: Primitives = {
  Lock: () => manager.Lock(),
  RLock: () => manager.RLock(),
  Semaphore: (value) => manager.Semaphore(value),
  BoundedSemaphore: (value) => manager.BoundedSemaphore(value),
  Event: () => manager.Event(),
  Condition: () => manager.Condition(),
  Barrier: async (parties, options) => {
    const barrier = await manager.Barrier(parties, options)
    return { wait: (timeout) => barrier.wait(timeout), abort: () => barrier.abort(), isBroken: () => barrier.broken() }
  },
}

// A Barrier's action may run in the manager's server: it leaves its trace in a file, named in the
// environment before the server starts (a child takes the parent's environment).
const folder = mkdtempSync(join(tmpdir(), 'proclab-parity-'))
const actionLog = join(folder, 'rounds.log')
process.env.PARITY_ACTION_LOG = actionLog
const roundsLogged = () => readFileSync(actionLog, 'utf8').split('\n').filter(Boolean).length

beforeAll(async () => {
  manager = await mp.Manager()
})
afterAll(async () => {
  await manager.shutdown()
  rmSync(folder, { recursive: true, force: true })
})

describe.each([
  ['shared memory', local],
  ['a manager', managed],
])('with %s', (_, mp_: Primitives) => {
  describe('Lock', () => {
    test('acquire() takes it; without block or after a timeout a held lock is refused', async () => {
      const lock = await mp_.Lock()
      expect(await lock.acquire()).toBe(true)
      expect(await lock.acquire({ block: false })).toBe(false)
      expect(await lock.acquire({ timeout: 30 })).toBe(false)
      await lock.release()
      expect(await lock.acquire({ block: false })).toBe(true)
      await lock.release()
    })

    test('release() of a lock nobody holds throws StateError, saying so', async () => {
      const lock = await mp_.Lock()
      await expect(lock.release()).rejects.toThrow(mp.StateError)
      await expect(lock.release()).rejects.toThrow('Lock.release() was called on a lock that is not held. Release a lock once per acquire(); runExclusive() does both for you.')
    })

    test('runExclusive() returns what fn returns, and releases when fn throws', async () => {
      const lock = await mp_.Lock()
      expect(await lock.runExclusive(() => 7)).toBe(7)
      await expect(lock.runExclusive(() => Promise.reject(new Error('inside')))).rejects.toThrow('inside')
      expect(await lock.acquire({ block: false })).toBe(true)
      await lock.release()
    })

    test('a negative timeout does not wait (as in Python); NaN is refused with a RangeError naming it', async () => {
      const lock = await mp_.Lock()
      expect(await lock.acquire({ timeout: -1 })).toBe(true)
      expect(await lock.acquire({ timeout: -1 })).toBe(false)
      await lock.release()
      await expect(lock.acquire({ timeout: NaN })).rejects.toThrow('Lock.acquire() expects `timeout` to be a number of milliseconds')
    })
  })

  describe('RLock', () => {
    test('its holder may take it again, and must release it as many times', async () => {
      const lock = await mp_.RLock()
      expect(await lock.acquire()).toBe(true)
      expect(await lock.acquire({ block: false })).toBe(true)
      await lock.release()
      await lock.release()
      await expect(lock.release()).rejects.toThrow(mp.StateError)
    })

    test('release() of an RLock nobody holds says that nobody does', async () => {
      const lock = await mp_.RLock()
      await expect(lock.release()).rejects.toThrow('RLock.release() was called by a process that does not hold the lock (nobody does). Only the process that acquired an RLock may release it.')
    })
  })

  describe('Semaphore and BoundedSemaphore', () => {
    test('Semaphore(2) lets two holders in, refuses a third, and counts', async () => {
      const gate = await mp_.Semaphore(2)
      expect(await gate.acquire()).toBe(true)
      expect(await gate.acquire()).toBe(true)
      expect(await gate.acquire({ block: false })).toBe(false)
      expect(await gate.getValue()).toBe(0)
      await gate.release()
      expect(await gate.getValue()).toBe(1)
    })

    test('a plain Semaphore may be released above its initial value', async () => {
      const plain = await mp_.Semaphore(1)
      await plain.release()
      expect(await plain.getValue()).toBe(2)
    })

    test('a BoundedSemaphore refuses to go above its initial value, with StateError', async () => {
      const bounded = await mp_.BoundedSemaphore(1)
      await expect(bounded.release()).rejects.toThrow(mp.StateError)
      await expect(bounded.release()).rejects.toThrow('BoundedSemaphore.release() would raise the counter above its initial value 1: it was released more times than it was acquired.')
      expect(await bounded.getValue()).toBe(1)
    })

    test.each([-1, 1.5])('an initial value of %o is refused with a RangeError', async (value) => {
      await expect(mp_.Semaphore(value)).rejects.toThrow(RangeError)
      await expect(mp_.Semaphore(value)).rejects.toThrow(`expects the initial value to be a whole number ≥ 0, got ${value}.`)
    })
  })

  describe('Event', () => {
    test('wait() gives up after its timeout while the flag is clear, and returns at once once set', async () => {
      const event = await mp_.Event()
      expect(await event.isSet()).toBe(false)
      expect(await event.wait(20)).toBe(false)
      await event.set()
      expect(await event.isSet()).toBe(true)
      expect(await event.wait()).toBe(true)
      await event.clear()
      expect(await event.isSet()).toBe(false)
    })

    test('a waiter wakes when the flag is set later', async () => {
      const event = await mp_.Event()
      setTimeout(() => void event.set(), 20)
      expect(await event.wait(5000)).toBe(true)
    })
  })

  describe('Condition', () => {
    test('wait() and notify() without the lock throw StateError, naming the call', async () => {
      const cond = await mp_.Condition()
      await expect(cond.wait(10)).rejects.toThrow(mp.StateError)
      await expect(cond.notify()).rejects.toThrow("Condition.notify() needs the condition's lock: call it inside `await cond.runExclusive(async () => { … })` (or after `await cond.acquire()`).")
      await expect(cond.notifyAll()).rejects.toThrow("Condition.notifyAll() needs the condition's lock")
    })

    test('a wait nobody notifies gives up after its timeout, holding the lock again', async () => {
      const cond = await mp_.Condition()
      expect(await cond.runExclusive(() => cond.wait(20))).toBe(false)
      expect(await cond.acquire({ block: false })).toBe(true)
      await cond.release()
    })

    test('notify() wakes a waiter, which holds the lock again when its wait returns', async () => {
      const cond = await mp_.Condition()
      const waited = cond.runExclusive(async () => [await cond.wait(5000), await cond.acquire({ block: false })])
      let woken = false
      for (let tries = 0; !woken && tries < 100; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 10))
        // The waiter gave up the lock while it waits: the notifier can take it.
        await cond.runExclusive(() => cond.notify())
        woken = await Promise.race([waited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 20))])
      }
      expect(await waited).toEqual([true, true])
    })

    test('waitFor() resolves the predicate once true, and its last value after the timeout', async () => {
      const cond = await mp_.Condition()
      let ready = 0
      setTimeout(() => void cond.runExclusive(() => ((ready = 1), cond.notifyAll())), 20)
      expect(await cond.runExclusive(() => cond.waitFor(() => ready, 5000))).toBe(1)
      expect(await cond.runExclusive(() => cond.waitFor(() => ready > 1, 30))).toBe(false)
    })
  })

  describe('Barrier', () => {
    test('each party gets a distinct index, round after round', async () => {
      const barrier = await mp_.Barrier(3)
      for (let round = 0; round < 2; round++) {
        const indexes = await Promise.all([barrier.wait(), barrier.wait(), barrier.wait()])
        expect([...indexes].sort()).toEqual([0, 1, 2])
      }
    })

    test('the action runs once per round, before any party is let go', async () => {
      writeFileSync(actionLog, '')
      const barrier = await mp_.Barrier(2, { action: logRound })
      for (let round = 1; round <= 3; round++) {
        const seen = await Promise.all([barrier.wait().then(roundsLogged), barrier.wait().then(roundsLogged)])
        expect(seen).toEqual([round, round])
      }
    })

    test('an action that throws breaks the barrier: the last party gets its error, the others BrokenBarrierError', async () => {
      const barrier = await mp_.Barrier(2, { action: failingAction })
      const first = barrier.wait()
      const last = barrier.wait()
      await expect(last).rejects.toThrow('the action failed')
      await expect(first).rejects.toThrow(mp.BrokenBarrierError)
      expect(await barrier.isBroken()).toBe(true)
    })

    test('a party that times out breaks the barrier for everyone', async () => {
      const barrier = await mp_.Barrier(2)
      await expect(barrier.wait(30)).rejects.toThrow(mp.BrokenBarrierError)
      await expect(barrier.wait(30)).rejects.toThrow('The barrier is broken (aborted, timed out, or its action threw): create a new Barrier to synchronize again.')
      expect(await barrier.isBroken()).toBe(true)
    })

    test('the timeout names the wait and how many parties arrived', async () => {
      const barrier = await mp_.Barrier(3)
      await expect(barrier.wait(30)).rejects.toThrow('Barrier.wait() timed out after 30 ms with 1 of 3 parties arrived; the barrier is now broken.')
    })

    test('abort() breaks it: waiting and later parties get BrokenBarrierError', async () => {
      const barrier = await mp_.Barrier(2)
      const waiting = barrier.wait()
      await barrier.abort()
      await expect(waiting).rejects.toThrow(mp.BrokenBarrierError)
      await expect(barrier.wait()).rejects.toThrow(mp.BrokenBarrierError)
    })

    test.each([0, 1.5])('parties = %o is refused with a RangeError', async (parties) => {
      await expect(mp_.Barrier(parties)).rejects.toThrow(`expects parties to be a whole number from 1 to 65535, got ${parties}.`)
    })

    test('an action that is not a function is refused with a TypeError', async () => {
      await expect(mp_.Barrier(2, { action: 'go' as never })).rejects.toThrow("expects `action` to be a function, got 'go'.")
    })
  })
})
