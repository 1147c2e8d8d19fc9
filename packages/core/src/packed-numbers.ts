/**
 * A pool chunk's list of plain numbers (a `map`'s items, or its results), packed into a typed array for
 * the trip through a pipe. `v8.serialize` writes a list one element at a time, and the reading side
 * builds it again one element at a time (~20 ns an item together); a typed array crosses as its bytes,
 * and copying it back into a list costs a few ns an item.
 */

/** A list shorter than this is sent as it is: a typed array's fixed cost would outweigh what it saves. */
const MIN_PACKED = 32

/** What crosses the pipe: the list itself, or its numbers packed. */
export type MaybePacked = unknown[] | Int32Array | Float64Array

/**
 * `list` as an `Int32Array` when every element is a whole number in int32's range (and not -0), as a
 * `Float64Array` when every element is a number (which it stores exactly, NaN, -0 and ±Infinity too),
 * else `list` itself: a bigint, a `Number` object, `undefined` or anything else keeps the list as it is.
 */
export function packNumbers(list: unknown[]): MaybePacked {
  const length = list.length
  if (length < MIN_PACKED || typeof list[0] !== 'number') return list
  let ints: Int32Array | null = new Int32Array(length)
  for (let i = 0; i < length; i++) {
    const value = list[i]
    if (typeof value !== 'number') return list
    // `| 0` keeps an int32 as it is; -0 would come back as 0.
    if ((value | 0) !== value || (value === 0 && 1 / value < 0)) {
      ints = null
      break
    }
    ints[i] = value
  }
  if (ints) return ints
  const floats = new Float64Array(length)
  for (let i = 0; i < length; i++) {
    const value = list[i]
    if (typeof value !== 'number') return list
    floats[i] = value
  }
  return floats
}

/** The list that {@link packNumbers} packed (a fresh array), or `list` itself if it was not packed. */
export function unpackNumbers(list: MaybePacked): unknown[] {
  if (Array.isArray(list)) return list
  // Sized once, then filled: far faster than push() or Array.from() on a typed array.
  const copy = new Array<number>(list.length)
  for (let i = 0; i < list.length; i++) copy[i] = list[i]!
  return copy
}
