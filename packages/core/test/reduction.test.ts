import { expect, test } from 'vitest'
import { assertCloneable, propertyPath } from '../src/reduction.ts'

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
