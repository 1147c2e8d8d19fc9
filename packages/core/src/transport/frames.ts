import { deserialize, serialize } from 'node:v8'
import { types } from 'node:util'

/**
 * How a batch of messages is written on a link: a 4-byte big-endian length, then the payload. The
 * payload is `v8.serialize` of the batch, or, for a small batch of plain data, its JSON text: for a
 * frame of a few dozen bytes (one pipe value, one manager call) v8's serializer costs ~5 µs a hop,
 * mostly creating and collecting its native objects, and JSON about 1 µs. A reader tells them apart
 * by the first byte: v8's payload starts with its version tag (0xFF), JSON's with `[`.
 *
 * JSON is used only where it gives back exactly what `v8.deserialize` would: plain objects and
 * arrays (no holes, no extra keys, none reached twice), strings, booleans, null and finite numbers
 * other than -0, within a small budget. Anything else (undefined, NaN, Dates, Maps, typed arrays…)
 * takes v8's path.
 */

export const HEADER_BYTES = 4
/** Payloads up to this size are copied behind their header and written with one write(2). */
const SMALL_FRAME_BYTES = 64 * 1024
/** Values at most in a JSON frame, and characters of text (keys included): past that v8 is as fast. */
const JSON_MAX_VALUES = 64
const JSON_MAX_CHARS = 1024
const JSON_START = 0x5b // '['

/** The chunks to write for a batch: one frame, or a header then a large payload (copying it would cost more than a second write). */
export function encodeFrame(batch: readonly unknown[]): Buffer[] {
  if (fitsJson(batch)) {
    const text = JSON.stringify(batch)
    // Within the budget, `text` is short: its UTF-8 fits a pooled buffer of 3 bytes a character.
    const frame = Buffer.allocUnsafe(HEADER_BYTES + 3 * text.length)
    const length = frame.write(text, HEADER_BYTES, 'utf8')
    frame.writeUInt32BE(length)
    return [frame.subarray(0, HEADER_BYTES + length)]
  }
  const payload = serialize(batch)
  if (payload.length <= SMALL_FRAME_BYTES) {
    const frame = Buffer.allocUnsafe(HEADER_BYTES + payload.length)
    frame.writeUInt32BE(payload.length)
    payload.copy(frame, HEADER_BYTES)
    return [frame]
  }
  const header = Buffer.allocUnsafe(HEADER_BYTES)
  header.writeUInt32BE(payload.length)
  return [header, payload]
}

/** The batch in a frame's payload (the bytes after its header). Throws on bytes that are neither encoding. */
export function decodePayload(payload: Buffer): unknown {
  if (payload[0] === JSON_START) return JSON.parse(payload.toString('utf8'))
  return deserialize(payload)
}

/** Whether JSON carries `batch` exactly as v8 would, within the budget. */
export function fitsJson(batch: readonly unknown[]): boolean {
  let values = 0
  let chars = 0
  const containers: object[] = []
  const visit = (value: unknown): boolean => {
    if (++values > JSON_MAX_VALUES) return false
    switch (typeof value) {
      case 'string':
        return (chars += value.length) <= JSON_MAX_CHARS
      case 'boolean':
        return true
      case 'number':
        return Number.isFinite(value) && !Object.is(value, -0)
      case 'object':
        break
      default:
        return false // undefined, bigint, symbol, function
    }
    if (value === null) return true
    // v8 keeps one object reached twice as one object (and cycles); JSON would copy it, or loop.
    if (containers.includes(value) || types.isProxy(value)) return false
    containers.push(value)
    // The prototype is checked before the keys are listed: a typed array's keys are one per element.
    const prototype = Object.getPrototypeOf(value)
    if (prototype === Array.prototype) {
      const array = value as unknown[]
      if (values + array.length > JSON_MAX_VALUES) return false
      // Holes and extra named keys survive v8, not JSON.
      return Object.keys(array).length === array.length && array.every(visit)
    }
    if (prototype !== Object.prototype && prototype !== null) return false
    const keys = Object.keys(value)
    if (values + keys.length > JSON_MAX_VALUES) return false
    for (const key of keys) {
      if ((chars += key.length) > JSON_MAX_CHARS || !visit((value as Record<string, unknown>)[key])) return false
    }
    return true
  }
  return visit(batch)
}
