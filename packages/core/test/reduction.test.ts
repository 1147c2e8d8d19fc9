import { expect, test } from 'vitest'
import { assertCloneable, propertyPath, snapshot } from '../src/reduction.ts'

test.each([
  ['items', 'args[0].items'],
  ['3', 'args[0][3]'],
  ['odd key', 'args[0]["odd key"]'],
])('propertyPath(args[0], %o) is %s', (key, path) => {
  expect(propertyPath('args[0]', key)).toBe(path)
})

test('cycles and cloneable values pass', () => {
  const cyclic: Record<string, unknown> = { date: new Date(), bytes: new Float64Array(4), error: new Error('x') }
  cyclic.self = cyclic
  expect(() => assertCloneable([cyclic, new Set([1]), 10n], 'args', 'test()')).not.toThrow()
})

test('a WeakMap is named', () => {
  expect(() => assertCloneable([{ cache: new WeakMap() }], 'args', 'test()')).toThrow('test() cannot send the arguments: args[0].cache is a WeakMap, which cannot cross a process boundary.')
})

test('a Proxy is named by its path', () => {
  expect(() => assertCloneable([1, { inner: new Proxy({}, {}) }], 'args', 'test()')).toThrow('test() cannot send the arguments: args[1].inner is a Proxy')
})

test('a class instance is sent with a warning naming its path and class, once per class and API', async () => {
  class Point {
    #secret = 1
    constructor(readonly x: number) {}
    secret(): number {
      return this.#secret
    }
  }
  const warnings: Error[] = []
  const listen = (warning: Error) => warnings.push(warning)
  process.on('warning', listen)
  try {
    assertCloneable([{ at: new Point(1) }], 'args', 'first()')
    assertCloneable([new Point(2)], 'args', 'first()')
    assertCloneable([new Point(3)], 'args', 'second()')
    assertCloneable([{ plain: 1 }, Object.create(null), [new Map()]], 'args', 'first()')
    await new Promise((done) => setImmediate(done))
  } finally {
    process.off('warning', listen)
  }
  expect(warnings.map((w) => [(w as Error & { code: string }).code, w.message])).toEqual([
    ['MP_CLASS_INSTANCE', expect.stringMatching(/^first\(\): args\[0\]\.at is an instance of class Point, which arrives in the other process as a plain object: its methods and #private fields do not cross\. .*Pass plain data/)],
    ['MP_CLASS_INSTANCE', expect.stringMatching(/^second\(\): args\[0\] is an instance of class Point/)],
  ])
})

test('snapshot copies a typed array as structuredClone does: same kind, offset and length, over a copy of the whole buffer', () => {
  const backing = new ArrayBuffer(64)
  new Uint8Array(backing).forEach((_, i, bytes) => (bytes[i] = i))
  const views = [new Uint8Array(backing, 8, 16), new Float64Array(backing, 16, 2), new BigInt64Array(backing, 0, 3), Buffer.from('a pooled Buffer'), new Int16Array(5)]
  for (const view of views) {
    const copy = snapshot(view)
    const clone = structuredClone(view)
    expect(copy.constructor, view.constructor.name).toBe(clone.constructor) // a Buffer becomes a Uint8Array
    expect([copy.byteOffset, copy.length, copy.buffer.byteLength]).toEqual([clone.byteOffset, clone.length, clone.buffer.byteLength])
    expect(Buffer.from(copy.buffer).equals(Buffer.from(view.buffer))).toBe(true)
    expect(copy.buffer).not.toBe(view.buffer)
  }
})

test('snapshot leaves to structuredClone what it does not copy itself (DataView, shared memory, objects holding views)', () => {
  const shared = new Int32Array(new SharedArrayBuffer(8))
  expect(snapshot(shared).buffer).toBeInstanceOf(SharedArrayBuffer)
  const view = new DataView(new ArrayBuffer(4))
  expect(snapshot(view)).toBeInstanceOf(DataView)
  const holder = { bytes: new Uint8Array([1, 2]) }
  const copy = snapshot(holder)
  expect(copy).toEqual(holder)
  expect(copy.bytes).not.toBe(holder.bytes)
})
