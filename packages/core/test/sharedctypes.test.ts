import { describe, expect, test } from 'vitest'
import * as mp from '@proclab/core'

describe('sizes', () => {
  test.each([
    ['d', 2 ** 29 + 1],
    ['B', 2 ** 32 + 1],
    ['q', 2 ** 40],
  ] as const)('mp.Array(%o, %d) over 4 GiB throws a RangeError naming the limit, and the process lives on', (typecode, length) => {
    expect(() => mp.Array(typecode, length)).toThrow(RangeError)
    expect(() => mp.RawArray(typecode, length)).toThrow(/mp\.Array\(\) cannot allocate .* bytes: a shared array holds at most 4 GiB \(4294967232 bytes\)/)
  })
})

describe('getObj()', () => {
  test("a synchronized Value's getObj() is the raw value over the same memory, with no lock", () => {
    const v = mp.Value('i', 7)
    const raw = v.getObj()
    expect(raw.value).toBe(7)
    raw.value = 9
    expect(v.value).toBe(9)
    expect(() => (raw as mp.SynchronizedValue<number>).getLock()).toThrow(TypeError)
    expect(String(raw)).toBe("Value('i', 9)")
  })
})
