import { inspect } from 'node:util'
import { withCode } from '../errors.ts'

/**
 * The data objects a Manager's server keeps for its proxies: a dict, a list, a namespace, a value and
 * an array. Each public method is what a proxy may call (its arguments and results are copies).
 */

/** Python's dict, as a Map: keys are compared as Map compares them (strings and numbers by value). */
export class ServedDict<K = unknown, V = unknown> {
  readonly #map: Map<K, V>
  constructor(entries?: Iterable<[K, V]> | Record<string, V>) {
    this.#map = new Map(entries === undefined ? [] : Symbol.iterator in Object(entries) ? (entries as Iterable<[K, V]>) : (Object.entries(entries) as [K, V][]))
  }
  get(key: K, fallback?: V): V | undefined {
    return this.#map.has(key) ? this.#map.get(key) : fallback
  }
  set(key: K, value: V): void {
    this.#map.set(key, value)
  }
  has(key: K): boolean {
    return this.#map.has(key)
  }
  delete(key: K): boolean {
    return this.#map.delete(key)
  }
  /** Python's `setdefault`: the value of `key`, storing `value` first if there is none. */
  setDefault(key: K, value: V): V {
    if (!this.#map.has(key)) this.#map.set(key, value)
    return this.#map.get(key)!
  }
  /** Python's `pop`: removes `key` and returns its value (or `fallback`). */
  pop(key: K, fallback?: V): V | undefined {
    const value = this.#map.has(key) ? this.#map.get(key) : fallback
    this.#map.delete(key)
    return value
  }
  update(entries: Iterable<[K, V]> | Record<string, V>): void {
    for (const [key, value] of new ServedDict<K, V>(entries).entries()) this.#map.set(key, value)
  }
  size(): number {
    return this.#map.size
  }
  clear(): void {
    this.#map.clear()
  }
  keys(): K[] {
    return [...this.#map.keys()]
  }
  values(): V[] {
    return [...this.#map.values()]
  }
  entries(): [K, V][] {
    return [...this.#map.entries()]
  }
  /** A plain object of the entries (keys as strings). */
  toObject(): Record<string, V> {
    return Object.fromEntries(this.#map) as Record<string, V>
  }
}

/** Python's list; negative indexes count from the end, as in Python. */
export class ServedList<T = unknown> {
  readonly #items: T[]
  constructor(items: Iterable<T> = []) {
    this.#items = [...items]
  }
  get(index: number): T {
    return this.#items[this.#index(index, 'get')]!
  }
  set(index: number, value: T): void {
    this.#items[this.#index(index, 'set')] = value
  }
  push(...items: T[]): number {
    return this.#items.push(...items)
  }
  /** Removes and returns the item at `index` (the last by default). */
  pop(index = -1): T {
    if (this.#items.length === 0) throw withCode(new RangeError('list.pop() on an empty list.'), 'ERR_MP_OUT_OF_RANGE')
    return this.#items.splice(this.#index(index, 'pop'), 1)[0]!
  }
  insert(index: number, value: T): void {
    this.#items.splice(index < 0 ? Math.max(this.#items.length + index, 0) : index, 0, value)
  }
  remove(value: T): void {
    const at = this.#items.findIndex((item) => item === value || inspect(item) === inspect(value))
    if (at === -1) throw withCode(new RangeError(`list.remove(): ${inspect(value)} is not in the list.`), 'ERR_MP_NOT_FOUND')
    this.#items.splice(at, 1)
  }
  indexOf(value: T): number {
    return this.#items.findIndex((item) => item === value || inspect(item) === inspect(value))
  }
  length(): number {
    return this.#items.length
  }
  toArray(): T[] {
    return [...this.#items]
  }
  #index(index: number, api: string): number {
    const length = this.#items.length
    const at = Number.isInteger(index) && index < 0 ? index + length : index
    if (!Number.isInteger(at) || at < 0 || at >= length) {
      throw withCode(new RangeError(`list.${api}(${inspect(index)}): index out of range for a list of length ${length}.`), 'ERR_MP_OUT_OF_RANGE')
    }
    return at
  }
}

/** Python's Namespace: named values. */
export class ServedNamespace {
  readonly #values: Record<string, unknown>
  constructor(values: Record<string, unknown> = {}) {
    this.#values = { ...values }
  }
  get(name: string): unknown {
    return this.#values[name]
  }
  set(name: string, value: unknown): void {
    this.#values[name] = value
  }
  delete(name: string): boolean {
    return delete this.#values[name]
  }
  toObject(): Record<string, unknown> {
    return { ...this.#values }
  }
}

/** A manager's `Value`: one value held by the server (the typecode is kept for display, as in Python). */
export class ServedValue<T = unknown> {
  #value: T
  constructor(
    readonly typecode: string,
    value: T,
  ) {
    this.#value = value
  }
  get(): T {
    return this.#value
  }
  set(value: T): void {
    this.#value = value
  }
}

/**
 * The most elements a manager's Array holds: its toArray() must fit in one frame (64 MiB, at up to
 * 8 bytes a number), and one client's request must never take the server's heap from the others.
 */
export const MAX_SERVED_ARRAY_LENGTH = 8 * 1024 * 1024

/** A manager's `Array`: a fixed-length list of values held by the server. */
export class ServedArray<T = unknown> {
  readonly #items: ServedList<T>
  constructor(
    readonly typecode: string,
    sizeOrValues: number | T[],
  ) {
    if (typeof sizeOrValues === 'number' && (!Number.isInteger(sizeOrValues) || sizeOrValues < 0)) {
      throw withCode(new RangeError(`manager.Array() expects a size (a whole number ≥ 0) or the initial values, got ${inspect(sizeOrValues)}.`), 'ERR_MP_INVALID_ARG')
    }
    const length = typeof sizeOrValues === 'number' ? sizeOrValues : sizeOrValues.length
    if (length > MAX_SERVED_ARRAY_LENGTH) throw tooLong(length)
    const zero = (typecode === 'c' ? '\0' : /[lLqQ]/.test(typecode) ? 0n : 0) as T
    this.#items = new ServedList(typeof sizeOrValues === 'number' ? Array.from({ length: sizeOrValues }, () => zero) : sizeOrValues)
  }
  get(index: number): T {
    return this.#items.get(index)
  }
  set(index: number, value: T): void {
    this.#items.set(index, value)
  }
  length(): number {
    return this.#items.length()
  }
  toArray(): T[] {
    return this.#items.toArray()
  }
}

// Thrown before allocating: an array that large would run the server, and every client, out of memory.
function tooLong(length: number): RangeError {
  return withCode(
    new RangeError(
      `manager.Array() cannot make an array of ${length} elements: a manager's array holds at most ${MAX_SERVED_ARRAY_LENGTH}, ` +
        `since every call copies it over a socket. Use mp.Array() (shared memory, up to 4 GiB) for large data.`,
    ),
    'ERR_MP_OUT_OF_RANGE',
  )
}
