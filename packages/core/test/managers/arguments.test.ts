import { describe, expect, test } from 'vitest'
import * as mp from '@proclab/core'
import { killLeftoversAfterEach } from '../helpers.ts'
import { QueueManager, taskQueue } from '../fixtures/manager-targets.ts'

killLeftoversAfterEach()

describe('manager proxy calls check their arguments where they are made', () => {
  test('a function put through a BaseManager proxy rejects in the caller, naming its path', async () => {
    QueueManager.register('getTaskQueue', taskQueue)
    const served = new QueueManager({ address: ['127.0.0.1', 0], authkey: 'k' })
    const server = await served.getServer()
    const client = new QueueManager({ address: server.address, authkey: 'k' })
    await client.connect()
    const q = await client.getTaskQueue()
    await expect(q.put((() => 1) as never)).rejects.toThrow(/getTaskQueue\(\)\.put\(\) cannot send the arguments: args\[0\] is a function/)
    await q.put(5)
    expect(await q.get()).toBe(5)
    await server.close()
  })

  test('a symbol nested in a dict, a Promise in a list call: each call rejects alone', async () => {
    await using manager = await mp.Manager()
    await expect(manager.dict({ a: { b: Symbol('x') } })).rejects.toThrow(/manager\.dict\(\) cannot send the arguments: args\[0\]\.a\.b is a symbol/)
    const l = await manager.list<unknown>()
    await expect(l.push(1, Promise.resolve(2))).rejects.toThrow(/list\.push\(\) cannot send the arguments: args\[1\] is a Promise/)
    await l.push(3)
    expect(await l.toArray()).toEqual([3])
  })

  test('a local Queue inside a manager dict is refused, naming its path and what to use', async () => {
    await using manager = await mp.Manager()
    const d = await manager.dict()
    await expect(d.set('q', { inner: new mp.Queue() })).rejects.toThrow(/args\[1\]\.inner is a shared object.*manager\.Queue\(\)/s)
  })
})
