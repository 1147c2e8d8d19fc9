import { inspect } from 'node:util'
import { withCode } from './errors.ts'
import { allocateBlock, attachBlock, keepUntil, MAX_BLOCK_BYTES, type BlockRef } from './shm/blocks.ts'
import { registerReviver, reviveHandle, SHARED, type SharedHandle, type SharedObject } from './reduction.ts'
import { Lock, RLock } from './sync/locks.ts'

/**
 * `mp.Array` and `mp.Value` (Python's `multiprocessing.sharedctypes`): typed elements in shared
 * memory, read and written synchronously from any process that was handed them. The synchronized
 * forms (the default) take their RLock around every single element read or write, as Python's do;
 * a read-modify-write such as `v.value += 1` is still two steps, which is what `getLock()` is for.
 */

/** Python's typecodes: integers and floats as numbers, 64-bit integers as bigint, `c` as a 1-character string. */
export type Typecode = 'b' | 'B' | 'h' | 'H' | 'i' | 'I' | 'f' | 'd' | 'l' | 'L' | 'q' | 'Q' | 'c'
/** The JavaScript type of an element of this typecode. */
export type ElementOf<C extends Typecode> = C extends 'l' | 'L' | 'q' | 'Q' ? bigint : C extends 'c' ? string : number

type Elements = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array | BigInt64Array | BigUint64Array

const STORAGE: Record<Typecode, { new (buffer: ArrayBuffer, offset: number, length: number): Elements; BYTES_PER_ELEMENT: number }> = {
  b: Int8Array,
  B: Uint8Array,
  h: Int16Array,
  H: Uint16Array,
  i: Int32Array,
  I: Uint32Array,
  f: Float32Array,
  d: Float64Array,
  l: BigInt64Array,
  L: BigUint64Array,
  q: BigInt64Array,
  Q: BigUint64Array,
  // A UTF-16 code unit: any character of the Basic Multilingual Plane.
  c: Uint16Array,
}

/** Returns `typecode` if it is one of Python's typecodes; throws a TypeError that lists them otherwise. */
export function assertTypecode(typecode: unknown, api: string): Typecode {
  if (typeof typecode === 'string' && Object.hasOwn(STORAGE, typecode)) return typecode as Typecode
  throw withCode(
    new TypeError(`${api} does not know the typecode ${inspect(typecode)}. Use one of ${Object.keys(STORAGE).join(' ')} (as in Python's array module).`),
    'ERR_MP_INVALID_ARG',
  )
}

/** `{ lock: true }` (the default) guards the object with a new RLock; `false` gives a raw one; or pass the Lock/RLock to use. */
export interface SynchronizedOptions {
  lock?: boolean | Lock | RLock
}

interface CtypeHandle extends SharedHandle {
  typecode: Typecode
  length: number
  block: BlockRef
  lock: SharedHandle | null
}

/** One typed element store in shared memory, and how its elements are converted and checked. */
class Storage<C extends Typecode> implements SharedObject {
  readonly elements: Elements
  readonly lock: Lock | RLock | null

  constructor(
    readonly kind: 'Array' | 'Value',
    readonly typecode: C,
    readonly length: number,
    readonly block: BlockRef,
    memory: ArrayBuffer,
    lock: Lock | RLock | null,
  ) {
    this.elements = new STORAGE[typecode](memory, block.offset, length)
    this.lock = lock
  }

  static create<C extends Typecode>(kind: 'Array' | 'Value', api: string, typecode: C, length: number, options: SynchronizedOptions | undefined): Storage<C> {
    assertTypecode(typecode, api)
    const lock = options?.lock ?? true
    if (typeof lock !== 'boolean' && !(lock instanceof Lock) && !(lock instanceof RLock)) {
      throw withCode(new TypeError(`${api} expects \`lock\` to be true, false, a Lock or an RLock, got ${inspect(lock)}.`), 'ERR_MP_INVALID_ARG')
    }
    const bytes = length * STORAGE[typecode].BYTES_PER_ELEMENT
    if (bytes > MAX_BLOCK_BYTES) {
      throw withCode(
        new RangeError(`${api} cannot allocate ${bytes} bytes: a shared array holds at most 4 GiB (${MAX_BLOCK_BYTES} bytes). Split the data over several arrays.`),
        'ERR_MP_OUT_OF_RANGE',
      )
    }
    const { ref, memory } = allocateBlock(bytes)
    return new Storage(kind, typecode, length, ref, memory, lock === true ? new RLock() : lock === false ? null : lock)
  }

  static revive(handle: CtypeHandle): Storage<Typecode> {
    const lock = handle.lock ? (reviveHandle(handle.lock) as Lock | RLock) : null
    const kind = handle.type.endsWith('Array') ? 'Array' : 'Value'
    return new Storage(kind, handle.typecode, handle.length, handle.block, attachBlock(handle.block).memory, lock)
  }

  get [SHARED]() {
    return {
      closed: false,
      handle: (): CtypeHandle => ({
        type: `${this.lock ? 'Synchronized' : 'Raw'}${this.kind}`,
        typecode: this.typecode,
        length: this.length,
        block: this.block,
        lock: this.lock ? this.lock[SHARED].handle() : null,
      }),
      // Its memory stays mapped here until the child has exited, so the child can always attach to it.
      sentToChild: (_pid: number, exited: Promise<unknown>) => keepUntil(this, exited),
    }
  }

  read(index: number): ElementOf<C> {
    const lock = this.lock
    if (!lock) return this.decode(this.elements[index]!)
    lock.acquireSync()
    try {
      return this.decode(this.elements[index]!)
    } finally {
      lock.releaseSync()
    }
  }

  write(index: number, value: unknown, api: string): void {
    const stored = this.encode(value, api)
    const lock = this.lock
    if (!lock) {
      this.elements[index] = stored
      return
    }
    lock.acquireSync()
    try {
      this.elements[index] = stored
    } finally {
      lock.releaseSync()
    }
  }

  /** All elements, read under one hold of the lock. */
  readAll(): ElementOf<C>[] {
    const copy = () => Array.from(this.elements as ArrayLike<number | bigint>, (element) => this.decode(element))
    if (!this.lock) return copy()
    this.lock.acquireSync()
    try {
      return copy()
    } finally {
      this.lock.releaseSync()
    }
  }

  private decode(element: number | bigint): ElementOf<C> {
    return (this.typecode === 'c' ? String.fromCharCode(element as number) : element) as ElementOf<C>
  }

  // Typed arrays would silently turn '7' into 7 or throw an unhelpful message for 1 into BigInt64: say what fits.
  private encode(value: unknown, api: string): never {
    const code = this.typecode
    if (code === 'c') {
      if (typeof value !== 'string' || value.length !== 1) throw badElement(api, code, value, 'a 1-character string')
      return value.charCodeAt(0) as never
    }
    if (code === 'l' || code === 'L' || code === 'q' || code === 'Q') {
      if (typeof value !== 'bigint') throw badElement(api, code, value, `a bigint (write ${typeof value === 'number' ? `${value}n` : '0n'})`)
      return value as never
    }
    if (typeof value !== 'number') throw badElement(api, code, value, 'a number')
    // As Python refuses 36.6 for an 'i' element, rather than cut it to 36.
    if (code !== 'f' && code !== 'd' && !Number.isInteger(value)) throw badElement(api, code, value, `whole numbers (Math.round(${value})?); use 'd' for fractions`)
    return value as never
  }

  toString(): string {
    return `${this.kind}('${this.typecode}', ${inspect(this.readAll())})`
  }

  /** The same elements, unguarded: what a synchronized object's `getObj()` hands out. */
  raw(): Storage<C> {
    return new Storage(this.kind, this.typecode, this.length, this.block, this.elements.buffer as ArrayBuffer, null)
  }
}

function badElement(api: string, typecode: string, value: unknown, expected: string): TypeError {
  return withCode(new TypeError(`${api}: typecode '${typecode}' holds ${expected}, got ${inspect(value)}.`), 'ERR_MP_INVALID_ARG')
}

/** A shared array without a lock (`{ lock: false }`): element access is not guarded. */
export interface RawArray<T> extends Iterable<T> {
  [index: number]: T
  readonly length: number
  readonly typecode: Typecode
  /** A plain array copy of the elements. */
  toArray(): T[]
  /** What `JSON.stringify` writes: the elements, as an array. */
  toJSON(): T[]
  /**
   * The elements themselves, as a typed array over the same shared memory (Python's `get_obj()`):
   * native speed for hot loops, with JavaScript's typed-array rules (no lock, no range check, no
   * conversion: `c` arrays show UTF-16 code units). Writes are seen by every process, as `arr[i] = …`.
   */
  getObj(): Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array | BigInt64Array | BigUint64Array
}

/** A shared array guarded by an RLock: each element read or write takes it. */
export interface SynchronizedArray<T> extends RawArray<T> {
  /** The lock that guards the array: hold it around a read-modify-write (`runExclusive`). */
  getLock(): RLock | Lock
}

/** Whether a property key is an element index ("0", "-1"): element access is the hot path, so no regex. */
function isIndex(key: string | symbol): key is string {
  if (typeof key !== 'string') return false
  const first = key.charCodeAt(0)
  return (first >= 48 && first <= 57) || (first === 45 && key.length > 1)
}

function arrayView<C extends Typecode>(storage: Storage<C>, api: string): SynchronizedArray<ElementOf<C>> {
  const { length } = storage
  // Python's indexing: negative counts from the end; anything else out of range throws, reads too.
  const indexOf = (key: string): number => {
    const given = Number(key)
    const index = given < 0 ? given + length : given
    if (Number.isInteger(index) && index >= 0 && index < length) return index
    throw withCode(new RangeError(`${api}: index ${key} is out of range for an array of length ${length} (valid: 0..${length - 1}, or -${length}..-1 from the end).`), 'ERR_MP_OUT_OF_RANGE')
  }
  const methods = {
    [SHARED]: storage[SHARED],
    length,
    typecode: storage.typecode,
    toArray: () => storage.readAll(),
    getObj: () => storage.elements,
    [Symbol.iterator]: () => storage.readAll()[Symbol.iterator](),
    toString: () => storage.toString(),
    toJSON: () => storage.readAll(),
    [inspect.custom]: () => storage.toString(),
    ...(storage.lock ? { getLock: () => storage.lock } : {}),
  }
  return new Proxy(methods as unknown as SynchronizedArray<ElementOf<C>>, {
    get: (target, key) => (isIndex(key) ? storage.read(indexOf(key)) : Reflect.get(target, key)),
    set: (target, key, value) => {
      if (isIndex(key)) {
        storage.write(indexOf(key), value, api)
        return true
      }
      throw withCode(new TypeError(`${api}: only elements can be assigned (arr[0] = …), not ${String(key)}.`), 'ERR_MP_INVALID_ARG')
    },
    has: (target, key) => (isIndex(key) ? Number(key) >= 0 && Number(key) < length : Reflect.has(target, key)),
    ownKeys: () => [...Array.from({ length }, (_, i) => String(i)), 'length'],
    getOwnPropertyDescriptor: (target, key) =>
      isIndex(key) && Number(key) >= 0 && Number(key) < length
        ? { value: storage.read(Number(key)), writable: true, enumerable: true, configurable: true }
        : key === 'length'
          ? { value: length, writable: false, enumerable: false, configurable: true }
          : undefined,
  })
}

/** A shared single value without a lock. */
export interface RawValue<T> {
  value: T
  readonly typecode: Typecode
}

/** A shared single value guarded by an RLock: each read or write of `value` takes it. */
export interface SynchronizedValue<T> extends RawValue<T> {
  getLock(): RLock | Lock
  /**
   * The value itself with no lock, over the same shared memory (Python's `get_obj()`): for a hot loop
   * that already holds `getLock()`. Writes are seen by every process, as `v.value = …`.
   */
  getObj(): RawValue<T>
}

class ValueView<C extends Typecode> implements SynchronizedValue<ElementOf<C>>, SharedObject {
  readonly #storage: Storage<C>
  constructor(storage: Storage<C>) {
    this.#storage = storage
  }
  get value(): ElementOf<C> {
    return this.#storage.read(0)
  }
  set value(value: ElementOf<C>) {
    this.#storage.write(0, value, 'Value.value')
  }
  get typecode(): Typecode {
    return this.#storage.typecode
  }
  getLock(): RLock | Lock {
    if (!this.#storage.lock) throw withCode(new TypeError('This Value was created with { lock: false }: it has no lock. Create it with a lock to use getLock().'), 'ERR_MP_INVALID_ARG')
    return this.#storage.lock
  }
  getObj(): RawValue<ElementOf<C>> {
    return new ValueView(this.#storage.raw())
  }
  get [SHARED]() {
    return this.#storage[SHARED]
  }
  toString(): string {
    return `Value('${this.typecode}', ${inspect(this.value)})`
  }
  [inspect.custom](): string {
    return this.toString()
  }
}

/**
 * A shared array (Python's `multiprocessing.Array`): `arr[i]` reads and writes shared memory, seen at
 * once by every process that was handed `arr`. An index out of range throws `RangeError`.
 * @param typecode `b B h H i I f d` (numbers), `l L q Q` (64-bit, bigint), `c` (1-character strings).
 * @param sizeOrValues The length (elements start at 0), or the initial elements.
 * @example
 * const arr = mp.Array('i', 3)          // [0, 0, 0], guarded by an RLock
 * const raw = mp.Array('d', [1, 2, 3], { lock: false })
 */
export function sharedArray<C extends Typecode>(typecode: C, sizeOrValues: number | ArrayLike<ElementOf<C>>, options: { lock: false }): RawArray<ElementOf<C>>
export function sharedArray<C extends Typecode>(typecode: C, sizeOrValues: number | ArrayLike<ElementOf<C>>, options?: SynchronizedOptions): SynchronizedArray<ElementOf<C>>
export function sharedArray<C extends Typecode>(typecode: C, sizeOrValues: number | ArrayLike<ElementOf<C>>, options?: SynchronizedOptions): RawArray<ElementOf<C>> {
  const api = 'mp.Array()'
  const given = typeof sizeOrValues === 'number' ? null : sizeOrValues
  const length = given ? given.length : sizeOrValues
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 0) {
    throw withCode(new RangeError(`${api} expects a size (a whole number ≥ 0) or the initial values, got ${inspect(sizeOrValues)}.`), 'ERR_MP_INVALID_ARG')
  }
  const storage = Storage.create('Array', api, typecode, length as number, options)
  for (let i = 0; given && i < given.length; i++) storage.write(i, given[i], api)
  return arrayView(storage, api)
}

/** A shared array with no lock (Python's `RawArray`): the same as `mp.Array(typecode, sizeOrValues, { lock: false })`. */
export function RawArray<C extends Typecode>(typecode: C, sizeOrValues: number | ArrayLike<ElementOf<C>>): RawArray<ElementOf<C>> {
  return sharedArray(typecode, sizeOrValues, { lock: false })
}

/**
 * A shared single value (Python's `multiprocessing.Value`): `v.value` reads and writes shared memory.
 * @example
 * const counter = mp.Value('i', 0)
 * await counter.getLock().runExclusive(() => { counter.value += 1 })
 */
export function sharedValue<C extends Typecode>(typecode: C, value: ElementOf<C>, options: { lock: false }): RawValue<ElementOf<C>>
export function sharedValue<C extends Typecode>(typecode: C, value?: ElementOf<C>, options?: SynchronizedOptions): SynchronizedValue<ElementOf<C>>
export function sharedValue<C extends Typecode>(typecode: C, value?: ElementOf<C>, options?: SynchronizedOptions): RawValue<ElementOf<C>> {
  const storage = Storage.create('Value', 'mp.Value()', typecode, 1, options)
  if (value !== undefined) storage.write(0, value, 'mp.Value()')
  return new ValueView(storage)
}

/** A shared single value with no lock (Python's `RawValue`). */
export function RawValue<C extends Typecode>(typecode: C, value?: ElementOf<C>): RawValue<ElementOf<C>> {
  return sharedValue(typecode, value as ElementOf<C>, { lock: false })
}

// Exported as mp.Array and mp.Value (Python's names); named so here because `Array` would hide the built-in.
for (const [fn, name] of [[sharedArray, 'Array'], [sharedValue, 'Value']] as const) {
  Object.defineProperty(fn, 'name', { value: name })
}

for (const type of ['SynchronizedArray', 'RawArray'] as const) registerReviver(type, (handle) => arrayView(Storage.revive(handle as CtypeHandle), 'mp.Array()'))
for (const type of ['SynchronizedValue', 'RawValue'] as const) registerReviver(type, (handle) => new ValueView(Storage.revive(handle as CtypeHandle)))
