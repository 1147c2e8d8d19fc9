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
