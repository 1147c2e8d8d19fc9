import { existsSync } from 'node:fs'
import { createConnection } from 'node:net'
import { once } from 'node:events'
import { afterEach, describe, expect, test } from 'vitest'
import * as mp from '@proclab/core'
import { killAll, runProgram } from '@proclab/harness'
import { execa } from 'execa'
import { authenticateServer } from '../src/transport/auth.ts'
import { killLeftoversAfterEach, start } from './helpers.ts'
import { dieHoldingManagerLock, lockedRemoteIncrements, putOnQueue, recordPid, taskQueue } from './fixtures/manager-targets.ts'

killLeftoversAfterEach()

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname

describe('Manager', () => {
  test('a dict and a list filled by two children and the parent', async () => {
    await using manager = await mp.Manager()
    const d = await manager.dict<string, number>()
    const l = await manager.list<string>()
    const children = [start(recordPid, d, l, 'a'), start(recordPid, d, l, 'b')]
    for (const p of children) await p.join()
    await recordPid(d, l, 'main')
    expect(await d.toObject()).toEqual({ a: children[0]!.pid, b: children[1]!.pid, main: process.pid })
    expect((await l.toArray()).sort()).toEqual(['a', 'b', 'main'])
    expect(await d.size()).toBe(3)
    expect(await d.get('missing', -1)).toBe(-1)
    expect(await l.get(-1)).toBe('main')
    await expect(l.get(5)).rejects.toThrow(RangeError)
  })

  test('a Namespace, a Value and an Array', async () => {
    await using manager = await mp.Manager()
    const ns = await manager.Namespace({ x: 1 })
    await ns.set('y', 'two')
    expect(await ns.toObject()).toEqual({ x: 1, y: 'two' })
    const v = await manager.Value('i', 7)
    await v.set((await v.get()) + 1)
    expect(await v.get()).toBe(8)
    const a = await manager.Array('d', 2)
    await a.set(1, 2.5)
    expect(await a.toArray()).toEqual([0, 2.5])
    await expect(manager.Value('x' as mp.Typecode)).rejects.toThrow(/typecode 'x'/)
  })

  test("a Value proxy's value property, as Python's: await proxy.value reads it, proxy.value = v sets it before any later call", async () => {
    await using manager = await mp.Manager()
    const v = await manager.Value('i', 7)
    expect('value' in v).toBe(true)
    expect(await v.value).toBe(7)
    v.value = 9
    expect(await v.get()).toBe(9)
    v.value = 10
    v.value = 11
    expect(await v.value).toBe(11)
    const d = await manager.dict()
    expect(() => ((d as unknown as { value: number }).value = 1)).toThrow(/a proxy has methods, not properties to assign/)
  })

  test('pool tasks can use a manager.Queue(); a plain Queue is refused with what to use', async () => {
    await using manager = await mp.Manager()
    const q = await manager.Queue<number>()
    await using pool = new mp.Pool(2)
    expect(await pool.starmap(putOnQueue, [[q, 1], [q, 2], [q, 3]])).toEqual([2, 4, 6])
    expect([await q.get(), await q.get(), await q.get()].sort()).toEqual([1, 2, 3])
    await expect(q.getNowait()).rejects.toThrow(mp.Empty)
    await expect(pool.apply(putOnQueue, [new mp.Queue<number>() as never, 1])).rejects.toThrow(/manager\.Queue\(\)/)
  })

  test('manager locks: exact under contention, and released when their holder dies', async () => {
    await using manager = await mp.Manager()
    const lock = await manager.Lock()
    const value = await manager.Value('i', 0)
    const workers = [start(lockedRemoteIncrements, value, lock, 100), start(lockedRemoteIncrements, value, lock, 100)]
    for (const p of workers) await p.join()
    expect(await value.get()).toBe(200)
    const held = await manager.Event()
    const holder = start(dieHoldingManagerLock, lock, held)
    expect(await held.wait(10_000)).toBe(true)
    await holder.join()
    expect(await lock.acquire({ timeout: 5_000 })).toBe(true)
    await expect((await manager.RLock()).release()).rejects.toThrow(mp.StateError)
  })

  test('condition, semaphore, barrier and event proxies behave as their local kinds', async () => {
    await using manager = await mp.Manager()
    const cond = await manager.Condition()
    expect(await cond.runExclusive(() => cond.wait(20))).toBe(false)
    await expect(cond.notify()).rejects.toThrow(/needs the condition's lock/)
    const sem = await manager.BoundedSemaphore(1)
    await expect(sem.release()).rejects.toThrow(mp.StateError)
    const barrier = await manager.Barrier(2)
    await expect(barrier.wait(20)).rejects.toThrow(mp.BrokenBarrierError)
    const event = await manager.Event()
    expect(await event.wait(10)).toBe(false)
  })

  test('after shutdown, proxies reject at once with "manager is gone"; the server process has ended', async () => {
    const manager = await mp.Manager()
    const d = await manager.dict()
    const server = mp.activeChildren().find((p) => p.name.endsWith('-server'))!
    expect(server.isAlive()).toBe(true)
    await manager.shutdown()
    expect(server.isAlive()).toBe(false)
    await expect(d.get('x')).rejects.toThrow(/manager is gone/)
    await expect(manager.dict()).rejects.toThrow(mp.StateError)
  })
})

describe('BaseManager over TCP', () => {
  // A server is a program of its own, killed after its test however it ended (a timeout included), and
  // with this process if that is killed (setpriv's death signal, on Linux).
  const servers = new Set<number>()
  afterEach(() => {
    for (const pid of servers) killAll(pid, [])
    servers.clear()
  })
  const withDeathSignal = existsSync('/usr/bin/setpriv') ? ['/usr/bin/setpriv', '--pdeathsig', 'KILL', '--'] : []

  /** Starts a served manager with `authkey` on a free port; resolves the port. */
  async function startServer(authkey: string): Promise<number> {
    const [command, ...args] = [...withDeathSignal, process.execPath, '--import', 'tsx', fixture('manager-server.ts'), authkey]
    const server = execa(command!, args, { detached: true, buffer: false, reject: false })
    servers.add(server.pid!)
    const [line] = (await once(server.stdout!, 'data')) as [Buffer]
    return Number(/listening (\d+)/.exec(String(line))![1])
  }
  const client = (port: number, authkey: string, ...rest: string[]) =>
    execa(process.execPath, ['--import', 'tsx', fixture('manager-client.ts'), String(port), authkey, ...rest], { reject: false })

  test('two programs that share only the address and key use one queue; a wrong key is refused', async () => {
    const port = await startServer('secret')
    expect((await client(port, 'secret', 'put', '1', '2', '3')).exitCode).toBe(0)
    const getter = await client(port, 'secret', 'get', '3')
    expect(getter.stdout).toBe('got [1,2,3]')
    const wrong = await client(port, 'not the key', 'get', '1')
    expect([wrong.exitCode, wrong.stdout]).toEqual([3, 'refused AuthenticationError'])
  })

  test('malformed and hostile frames close that connection; the server goes on serving others', async () => {
    const port = await startServer('secret')
    // Garbage instead of a handshake.
    const garbage = createConnection({ host: '127.0.0.1', port })
    garbage.write(Buffer.from('GET / HTTP/1.1\r\n\r\n'))
    garbage.resume()
    await once(garbage, 'close')
    // Authenticated, then a frame claiming a gigabyte, then one that is not a serialized batch.
    for (const frame of [Buffer.from([0x40, 0, 0, 0]), Buffer.concat([Buffer.from([0, 0, 0, 3]), Buffer.from('abc')])]) {
      const socket = createConnection({ host: '127.0.0.1', port })
      await once(socket, 'connect')
      await authenticateServer(socket, Buffer.from('secret'))
      socket.write(frame)
      socket.resume()
      await once(socket, 'close')
    }
    expect((await client(port, 'secret', 'put', '9')).exitCode).toBe(0)
    expect((await client(port, 'secret', 'get', '1')).stdout).toBe('got [9]')
  })

  test('shutting down right after a call ran: the call still gets its reply, and shutdown() resolves with a client connected', async () => {
    for (let i = 0; i < 3; i++) {
      const run = await runProgram(fixture('manager-shutdown.ts'), { timeout: 20_000 })
      expect([run.exitCode, [...run.lines].sort()]).toEqual([0, ['client: put resolved', 'server: got 1', 'server: shutdown resolved']])
    }
  })

  test('a served manager listens on 127.0.0.1 by default', async () => {
    class Local extends mp.BaseManager {}
    Local.register('thing', () => ({ ping: () => 'pong' }))
    const manager = new Local()
    const server = await manager.getServer()
    try {
      expect(server.address[0]).toBe('127.0.0.1')
      const other = new Local({ address: server.address, authkey: 'wrong' })
      await expect(other.connect()).rejects.toThrow(mp.AuthenticationError)
    } finally {
      await server.close()
    }
  })

  test('start() serves registered callables from a new process; a callable that is not exported is refused', async () => {
    class Started extends mp.BaseManager {
      declare tasks: () => Promise<mp.QueueProxy<number>>
    }
    Started.register('tasks', taskQueue)
    const manager = new Started()
    await manager.start()
    try {
      const q = await manager.tasks()
      await q.put(5)
      expect(await (await manager.tasks()).get()).toBe(5)
    } finally {
      await manager.shutdown()
    }
    class Inline extends mp.BaseManager {}
    Inline.register('thing', () => ({}))
    await expect(new Inline().start()).rejects.toThrow(/not exported/)
  })

  test('as in CPython, getServer() leaves the manager new: once that server is closed it can start(); a fixed address takes one server at a time', async () => {
    class Reused extends mp.BaseManager {
      declare tasks: () => Promise<mp.QueueProxy<number>>
    }
    Reused.register('tasks', taskQueue)
    const manager = new Reused()
    const server = await manager.getServer()
    await server.close()
    await manager.start()
    try {
      const q = await manager.tasks()
      await q.put(3)
      expect(await q.get()).toBe(3)
      await expect(manager.getServer()).rejects.toThrow('Reused.getServer() cannot be called on a manager that is started: use a new manager.')
    } finally {
      await manager.shutdown()
    }
    await expect(manager.start()).rejects.toThrow('Reused.start() cannot be called on a manager that is shut down: use a new manager.')
    const onPort = new Reused({ address: ['127.0.0.1', 0] })
    const first = await onPort.getServer()
    const pinned = new Reused({ address: first.address })
    await first.close()
    const held = await pinned.getServer()
    await expect(pinned.start()).rejects.toThrow(/Reused\.start\(\): the server from getServer\(\) still listens on 127\.0\.0\.1:\d+\. Close it first/)
    await held.close()
    await pinned.start()
    await pinned.shutdown()
  })

  test('bad input: a typeid that is not a name, a manager used before start', async () => {
    class Bad extends mp.BaseManager {}
    expect(() => Bad.register('start')).toThrow(/typeid/)
    expect(() => new Bad({ address: ['127.0.0.1', 99999] })).toThrow(/\[host, port\]/)
    Bad.register('thing')
    await expect((new Bad() as unknown as { thing(): Promise<unknown> }).thing()).rejects.toThrow(/needs a running manager/)
  })
})
