import { deserialize, serialize } from 'node:v8'
import { describe, expect, test } from 'vitest'
import { packNumbers, unpackNumbers } from '../src/packed-numbers.ts'

/** A list of `length` elements: `head`, then whole numbers. */
const listOf = (head: unknown[], length = 40): unknown[] => [...head, ...Array.from({ length: length - head.length }, (_, i) => i)]

/** Packs, crosses as a pipe sends it, and unpacks. */
const roundTrip = (list: unknown[]): unknown[] => unpackNumbers(deserialize(serialize(packNumbers(list))))

describe('packNumbers', () => {
  test('whole numbers in int32 range pack as Int32Array; any other number makes it a Float64Array', () => {
    expect(packNumbers(listOf([-(2 ** 31), 2 ** 31 - 1]))).toBeInstanceOf(Int32Array)
    for (const odd of [2 ** 31, 0.5, -0, NaN, Infinity, -Infinity, 2 ** 53 + 2]) {
      expect(packNumbers(listOf([odd])), String(odd)).toBeInstanceOf(Float64Array)
    }
  })

  test('a list with anything but plain numbers, or a short one, is left as it is', () => {
    for (const other of [1n, '1', undefined, null, new Number(1), [1], { n: 1 }]) {
      const list = listOf([other])
      expect(packNumbers(list), String(other)).toBe(list)
      const last = [0.5, ...listOf([], 39), other]
      expect(packNumbers(last), `after a float: ${String(other)}`).toBe(last)
    }
    const short = [1, 2, 3]
    expect(packNumbers(short)).toBe(short)
  })

  test('a packed list comes back element for element as it was (Object.is), -0, NaN and ±Infinity included', () => {
    for (const head of [[], [-0], [NaN, Infinity, -Infinity], [2 ** 53 + 2, -(2 ** 31) - 1, 1e-300, Number.MAX_VALUE]]) {
      const list = listOf(head)
      const back = roundTrip(list)
      expect(Array.isArray(back)).toBe(true)
      expect(back.length).toBe(list.length)
      list.forEach((value, i) => expect(Object.is(back[i], value), `${String(value)} at ${i}`).toBe(true))
    }
  })

  test('an unpacked list is returned as it is', () => {
    const list = ['a']
    expect(unpackNumbers(list)).toBe(list)
  })
})
