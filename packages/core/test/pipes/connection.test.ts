import { describe, expect, test } from 'vitest'
import * as mp from '@proclab/core'
import { killLeftoversAfterEach, start } from '../helpers.ts'
import { echoPipe, holdForever, sendAndExit } from '../fixtures/queue-targets.ts'

killLeftoversAfterEach()

describe('Pipe in one process', () => {
  test('both ends of a duplex pipe send and receive, in order', async () => {
    const [a, b] = mp.Pipe<number>()
    void a.send(1)
    void a.send(2) // order is kept even when not awaited
    await b.send(3)
    expect([await b.recv(), await b.recv(), await a.recv()]).toEqual([1, 2, 3])
  })

  test('send() copies the value at once: a change made after it is not received', async () => {
    const [a, b] = mp.Pipe<{ n: number }>()
    const value = { n: 1 }
    await a.send(value)
    value.n = 2
    expect(await b.recv()).toEqual({ n: 1 })
  })

  test('a one-way pipe is [receiveEnd, sendEnd] and each end refuses the other direction', async () => {
    const [receiveEnd, sendEnd] = mp.Pipe<string>({ duplex: false })
    await expect(receiveEnd.send('x')).rejects.toThrow('this end of a one-way pipe only receives')
    await expect(sendEnd.recv()).rejects.toThrow('this end of a one-way pipe only sends')
    await sendEnd.send('ok')
    expect(await receiveEnd.recv()).toBe('ok')
  })

  test('poll() looks without waiting, or waits up to its timeout', async () => {
    const [a, b] = mp.Pipe<number>()
    expect(await b.poll()).toBe(false)
    expect(await b.poll(20)).toBe(false)
    setTimeout(() => void a.send(1), 10)
    expect(await b.poll(Infinity)).toBe(true)
  })

  test('recv() throws EOFError once the other end is closed and drained', async () => {
    const [a, b] = mp.Pipe<string>()
    await a.send('last')
    a.close()
    expect(await b.recv()).toBe('last')
    expect(await b.poll()).toBe(true)
    await expect(b.recv()).rejects.toThrow(mp.EOFError)
  })

  test('a closed end cannot be handed to a child', () => {
    const [, b] = mp.Pipe()
    b.close()
    const p = new mp.Process({ target: holdForever, args: [{ end: b }] })
    expect(() => p.start()).toThrow('Process.start() cannot send args[0].end: it was closed in this process. Hand it to the child first, then close your own copy after start().')
  })

  test('a closed connection throws StateError', async () => {
    const [a] = mp.Pipe()
    a.close()
    await expect(a.send(1)).rejects.toThrow('Connection.send() cannot be used: this connection is closed. Call send() before close().')
  })
})

describe('Pipe between processes', () => {
  test('a value changed right after send() to another process arrives as it was sent', async () => {
    const [a, b] = mp.Pipe<unknown>()
    start(echoPipe, b)
    b.close()
    const value = { n: 1 }
    await a.send(value)
    value.n = 2
    expect(await a.recv()).toEqual({ n: 1 })
    await a.send('stop')
  })

  test('values of every structured-clone type make a round trip intact, a 4 MiB buffer too', async () => {
    const [a, b] = mp.Pipe<unknown>()
    start(echoPipe, b)
    b.close()
    // (A Buffer would come back as a Uint8Array: structured clone keeps typed arrays, not Buffer's prototype.)
    const values = [new Map([[1, { x: [1n] }]]), new Set(['a']), new Date(5), new Uint16Array([1, 65535]), new Uint8Array(4 * 2 ** 20).fill(1)]
    for (const value of values) {
      await a.send(value)
      expect(await a.recv()).toEqual(value)
    }
    await a.send('stop')
  })

  test('the receiver ends on EOFError after the sender, in another process, has sent everything and exited', async () => {
    const [receiveEnd, sendEnd] = mp.Pipe<string>({ duplex: false })
    start(sendAndExit, sendEnd, 10)
    sendEnd.close() // the parent's copy: only the child's handle keeps the send end open now
    const got: string[] = []
    await expect(
      (async () => {
        for (;;) got.push(await receiveEnd.recv())
      })(),
    ).rejects.toThrow(mp.EOFError)
    expect(got).toEqual([...Array(10).keys()].map((i) => `url_${i}`))
  })

  test('recv() throws EOFError when the process holding the other end is killed', async () => {
    const [a, b] = mp.Pipe<string>()
    const p = start(holdForever, b)
    b.close()
    const received = a.recv()
    await mp.sleep(200)
    p.kill()
    await expect(received).rejects.toThrow(mp.EOFError)
  })

  test('while the parent keeps its own copy of the other end, there is no EOF', async () => {
    const [a, b] = mp.Pipe<string>()
    const p = start(sendAndExit, b, 1)
    await p.join()
    expect(await a.recv()).toBe('url_0')
    expect(await a.poll(100)).toBe(false) // b is still open here
  })
})
