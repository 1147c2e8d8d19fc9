import { types } from 'node:util'
import { StateError, withCode } from './errors.ts'

/**
 * What may cross a process boundary. Values cross by structured clone (the v8 serializer); this
 * module finds, before anything is sent, the first value that cannot, and names it by its path.
 * Shared objects (queues, pipe ends…) cross as handles and arrive connected to the same object
 * (CPython's `reduction.py`).
 */

/** The methods by which a shared object crosses to a child: its handle, and news of who holds it. */
export const SHARED = Symbol.for('proclab.shared')

export interface SharedObject {
  [SHARED]: {
    /** What the child needs to reach the same object: plain, cloneable data with a `type`. */
    handle(): SharedHandle
    /** A child with this pid now holds the object, until `exited` resolves (pipe ends count holders). */
    sentToChild?(pid: number, exited: Promise<unknown>): void
    /** Closed in this process: it can no longer be handed on. */
    closed: boolean
    /** It may also be sent to processes already running (pool tasks): a manager proxy, which connects on its own. */
    travels?: boolean
  }
}

export interface SharedHandle {
  type: string
  [field: string]: unknown
}

/** A copy of `value` as structured clone makes it; primitives (immutable) are returned as they are. */
export function snapshot<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value
  return (copyTypedArray(value) ?? structuredClone(value)) as T
}

type TypedArrayClass = new (buffer: ArrayBuffer, byteOffset: number, length: number) => ArrayBufferView
const typedArrayClasses = new Map<unknown, TypedArrayClass>(
  ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'].map((name) => [name, (globalThis as unknown as Record<string, TypedArrayClass>)[name]!]),
)

/**
 * What structuredClone makes of a typed array (a Buffer too: it becomes a Uint8Array), the same kind of
 * view at the same offset over a copy of its whole buffer, made by copying the buffer: structuredClone
 * writes the bytes into a buffer it keeps enlarging, then copies them out, which made a 1 MiB block
 * cost ~450 µs on Node 24 (~200 page faults) against ~100–130 µs here. Undefined for anything else
 * (a DataView, a view of shared, resizable or detached memory), which structuredClone copies.
 */
function copyTypedArray(value: object): ArrayBufferView | undefined {
  if (!ArrayBuffer.isView(value)) return undefined
  const kind = typedArrayClasses.get((value as { [Symbol.toStringTag]?: string })[Symbol.toStringTag])
  const { buffer } = value
  if (!kind || !(buffer instanceof ArrayBuffer) || (buffer as { resizable?: boolean }).resizable || buffer.byteLength === 0) return undefined
  return new kind(buffer.slice(0), value.byteOffset, (value as unknown as ArrayLike<unknown>).length)
}

/** The size of the bulk data in `value` (binary data and long text), to decide when to write a batch. */
export function bulkBytes(value: unknown): number {
  if (typeof value === 'string') return value.length
  if (ArrayBuffer.isView(value)) return value.byteLength
  if (value instanceof ArrayBuffer) return value.byteLength
  return 0
}

/** Marks a handle inside copied arguments; a property no user value has. */
const HANDLE_KEY = '__proclab_shared_object__'
const revivers = new Map<string, (handle: SharedHandle) => unknown>()

/** Teaches the child how to rebuild a shared object of this `type` from its handle. */
export function registerReviver(type: string, revive: (handle: SharedHandle) => unknown): void {
  revivers.set(type, revive)
}

function isShared(value: object): value is SharedObject {
  return SHARED in value
}

/**
 * Checks `value` as {@link assertCloneable} does, and returns what to send: `value` itself, or a copy
 * in which every shared object is replaced by its handle, plus the shared objects found.
 */
export function prepareForChild(
  value: unknown,
  root: string,
  api: string,
  what?: string,
  check?: (object: SharedObject, path: string) => void,
): { value: unknown; shared: SharedObject[] } {
  const shared: SharedObject[] = []
  assertCloneable(value, root, api, what, (object, path) => {
    check?.(object, path)
    shared.push(object)
  })
  if (shared.length === 0) return { value, shared }
  return { value: replaceShared(value, new Map()), shared }
}

function replaceShared(value: unknown, copies: Map<object, unknown>): unknown {
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value) || COPIED_WHOLE.some((type) => value instanceof type)) return value
  if (isShared(value)) return { [HANDLE_KEY]: value[SHARED].handle() }
  if (copies.has(value)) return copies.get(value)
  if (value instanceof Map) {
    const copy = new Map()
    copies.set(value, copy)
    for (const [key, entry] of value) copy.set(replaceShared(key, copies), replaceShared(entry, copies))
    return copy
  }
  if (value instanceof Set) {
    const copy = new Set()
    copies.set(value, copy)
    for (const entry of value) copy.add(replaceShared(entry, copies))
    return copy
  }
  const copy: Record<string, unknown> = Array.isArray(value) ? ([] as unknown as Record<string, unknown>) : {}
  copies.set(value, copy)
  for (const key of Object.keys(value)) copy[key] = replaceShared((value as Record<string, unknown>)[key], copies)
  return copy
}

/** In the child: rebuilds every shared object in `value` from its handle. */
export function reviveShared(value: unknown, seen = new Set<object>()): unknown {
  if (typeof value !== 'object' || value === null || seen.has(value) || ArrayBuffer.isView(value)) return value
  seen.add(value)
  const handle = (value as Record<string, unknown>)[HANDLE_KEY] as SharedHandle | undefined
  if (handle) return reviveHandle(handle)
  if (value instanceof Map) {
    for (const [key, entry] of value) value.set(key, reviveShared(entry, seen))
  } else if (value instanceof Set) {
    const entries = [...value]
    value.clear()
    for (const entry of entries) value.add(reviveShared(entry, seen))
  } else {
    for (const key of Object.keys(value)) (value as Record<string, unknown>)[key] = reviveShared((value as Record<string, unknown>)[key], seen)
  }
  return value
}

/** Rebuilds the shared object that `handle` (from its `handle()`) stands for. */
export function reviveHandle(handle: SharedHandle): unknown {
  const revive = revivers.get(handle.type)
  if (!revive) throw new Error(`This process cannot rebuild a shared ${handle.type}: its module was not loaded.`)
  return revive(handle)
}

/** Whether structured clone copies `value` as it is, with nothing inside to check. */
function isPrimitive(value: unknown): boolean {
  const type = typeof value
  return value === null || (type !== 'object' && type !== 'function' && type !== 'symbol')
}

/** Types structured clone copies whole, so there is nothing inside them to check. */
const COPIED_WHOLE = [ArrayBuffer, Date, RegExp, Error, Boolean, Number, String, BigInt]

/**
 * Throws a `TypeError` naming the path (in JavaScript syntax, from `root`) of the first value in
 * `value` that structured clone cannot copy.
 * @param api The public call that is sending, for the message: `Process.start()`.
 */
export function assertCloneable(value: unknown, root: string, api: string, what = 'the arguments', onShared?: (object: SharedObject, path: string) => void): void {
  const seen = new Set<object>()
  const visit = (item: unknown, path: string): void => {
    const fail = (kind: string) => notCloneable(api, what, path, kind)
    if (typeof item === 'function') throw fail(`a function${item.name ? ` (${item.name})` : ''}`)
    if (typeof item === 'symbol') throw fail(`a symbol (${String(item)})`)
    if (typeof item !== 'object' || item === null || seen.has(item)) return
    seen.add(item)
    if (ArrayBuffer.isView(item) || COPIED_WHOLE.some((type) => item instanceof type)) return
    if (isShared(item)) {
      if (!onShared) throw fail('a shared object (a queue or pipe end), which can only be handed to a child when it starts')
      if (item[SHARED].closed) {
        throw new StateError(`${api} cannot send ${path}: it was closed in this process. Hand it to the child first, then close your own copy after start().`)
      }
      onShared(item, path)
      return
    }
    if (types.isProxy(item)) throw fail('a Proxy (structured clone cannot look through it: copy what it holds into a plain object first)')
    if (item instanceof Promise) throw fail('a Promise (await it first and pass its value)')
    if (item instanceof WeakMap || item instanceof WeakSet || item instanceof WeakRef) throw fail(`a ${item.constructor.name}`)
    if (item instanceof Map) {
      for (const [key, entry] of item) {
        visit(key, `${path}.keys()`)
        visit(entry, `${path}.get(${describeKey(key)})`)
      }
      return
    }
    if (item instanceof Set) {
      for (const entry of item) visit(entry, `${path}.values()`)
      return
    }
    // Paths are built only for what needs a look: a million numbers cost a million type checks, no strings.
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) if (!isPrimitive(item[i])) visit(item[i], `${path}[${i}]`)
      return
    }
    warnIfClassInstance(item, path, api)
    for (const key of Object.keys(item)) {
      const entry = (item as Record<string, unknown>)[key]
      if (!isPrimitive(entry)) visit(entry, propertyPath(path, key))
    }
  }
  visit(value, root)
}

/** The classes already warned about, with the APIs that sent them: one warning per class and API. */
const warned = new WeakMap<Function, Set<string>>()

/**
 * Warns when `item` is an instance of a class: structured clone copies its own data properties only,
 * so the other process gets a plain object, without its methods or its #private fields.
 */
function warnIfClassInstance(item: object, path: string, api: string): void {
  const prototype = Object.getPrototypeOf(item)
  if (prototype === Object.prototype || prototype === null) return
  const cls = prototype.constructor as Function | undefined
  if (typeof cls !== 'function') return
  let apis = warned.get(cls)
  if (!apis) warned.set(cls, (apis = new Set()))
  if (apis.has(api)) return
  apis.add(api)
  const name = cls.name || 'an anonymous class'
  process.emitWarning(
    `${api}: ${path} is an instance of class ${name}, which arrives in the other process as a plain object: its methods and ` +
      `#private fields do not cross. Structured clone copies only its own data properties. Pass plain data instead ` +
      `(e.g. { x: p.x, y: p.y }) and rebuild it on the other side (new ${cls.name || 'YourClass'}(…)), from a module both processes import.`,
    { type: 'ProclabWarning', code: 'MP_CLASS_INSTANCE' },
  )
}

// Thrown when `api` is asked to send something structured clone cannot copy.
function notCloneable(api: string, what: string, path: string, kind: string): TypeError {
  return withCode(
    new TypeError(
      `${api} cannot send ${what}: ${path} is ${kind}, which cannot cross a process boundary. ` +
        `Values are copied into the other process by structured clone, which copies data (objects, arrays, ` +
        `Map, Set, Date, typed arrays…) but not functions or symbols. Pass plain data, and let the other ` +
        `process import any code it needs.`,
    ),
    'ERR_MP_NOT_CLONEABLE',
  )
}

/** `args[0].items` or `args[0]["odd key"]` or `args[0][3]`. */
export function propertyPath(path: string, key: string): string {
  if (/^(0|[1-9]\d*)$/.test(key)) return `${path}[${key}]`
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`
}

function describeKey(key: unknown): string {
  return typeof key === 'string' ? JSON.stringify(key) : typeof key === 'object' ? '{…}' : String(key)
}
