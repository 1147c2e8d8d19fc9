import { deserialize, serialize } from 'node:v8'
import { describe, expect, test, vi } from 'vitest'
import { decodePayload, encodeFrame, fitsJson, HEADER_BYTES } from '../../src/transport/frames.ts'

/** What a reader gets back from the frame a writer makes for `batch`. */
function roundTrip(batch: unknown[]): unknown {
  const frame = Buffer.concat(encodeFrame(batch))
  expect(frame.readUInt32BE(0)).toBe(frame.length - HEADER_BYTES)
  return decodePayload(frame.subarray(HEADER_BYTES))
}

function payloadOf(batch: unknown[]): Buffer {
  return Buffer.concat(encodeFrame(batch)).subarray(HEADER_BYTES)
}

describe('frames', () => {
  test('a small batch of plain data travels as JSON text', () => {
    const batch = [{ kind: 'c.data', id: '12.3', value: { n: 1, s: 'ü€😀', list: [true, null, 2.5] } }]
    expect(payloadOf(batch).toString('utf8')).toBe(JSON.stringify(batch))
    expect(roundTrip(batch)).toEqual(batch)
  })

  test('what JSON would change takes v8’s path, and comes back as v8 gives it', () => {
    const shared = { a: 1 }
    const sparse = [1, , 3]
    const named = Object.assign([1, 2], { extra: 'kept' })
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    const values: unknown[] = [undefined, NaN, Infinity, -0, 10n, new Date(0), new Map([[1, 2]]), new Uint8Array([1, 2]), [shared, shared], sparse, named, cyclic, { nested: { undef: undefined } }, 'x'.repeat(2000)]
    for (const value of values) {
      const batch = [{ kind: 'c.data', id: '1.1', value }]
      expect(fitsJson(batch), String(value)).toBe(false)
      expect(payloadOf(batch)[0]).toBe(0xff) // v8's version tag
      expect(roundTrip(batch)).toEqual(deserialize(serialize(batch)))
    }
    const [{ value: pair }] = roundTrip([{ kind: 'c.data', id: '1.1', value: [shared, shared] }]) as [{ value: object[] }]
    expect(pair[0]).toBe(pair[1]) // one object reached twice stays one object
  })

  test('a large batch takes v8’s path, its payload written apart from the header', () => {
    const chunks = encodeFrame([{ kind: 'c.data', id: '1.1', value: new Uint8Array(128 * 1024) }])
    expect(chunks).toHaveLength(2)
    expect(chunks[0]!.readUInt32BE(0)).toBe(chunks[1]!.length)
  })

  test('a big typed array or array is refused without listing a key per element', () => {
    const bytes = new Uint8Array(1 << 20)
    const numbers = new Array<number>(1 << 20).fill(1)
    const keys = vi.spyOn(Object, 'keys')
    try {
      expect(fitsJson([{ kind: 'c.data', id: '1.1', value: bytes }])).toBe(false)
      expect(fitsJson([{ kind: 'c.data', id: '1.1', value: numbers }])).toBe(false)
      const listed = keys.mock.calls.map(([value]) => value)
      expect(listed).not.toContain(bytes)
      expect(listed).not.toContain(numbers)
    } finally {
      keys.mockRestore()
    }
  })
})
