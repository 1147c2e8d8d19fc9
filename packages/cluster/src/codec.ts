import { deserialize, serialize } from 'node:v8'
import { withCode } from './errors.ts'

/**
 * Values cross to other machines by structured clone (v8's serializer), as they cross to a Pool's
 * workers: data (objects, arrays, Map, Set, Date, BigInt, typed arrays, errors…) but no functions.
 */

/**
 * The v8 serialization of `values`, base64. Throws a `TypeError` naming the path of what cannot cross;
 * `pathOf(i)` names `values[i]` for the caller (`items[1204]`, `args`).
 */
export function encode(values: unknown[], api: string, pathOf: (index: number) => string): string {
  try {
    return serialize(values).toString('base64')
  } catch (error) {
    let found: { path: string; kind: string } | undefined
    for (let i = 0; i < values.length && !found; i++) found = uncloneable(values[i], pathOf(i))
    const why = found ? `${found.path} is ${found.kind}` : (error as Error).message
    throw withCode(
      new TypeError(
        `${api} cannot send the arguments: ${why}, which cannot cross to another machine. Values are copied by structured clone, ` +
          'which copies data (objects, arrays, Map, Set, Date, typed arrays…) but not functions, symbols or promises. ' +
          'Pass plain data, and let the task import any code it needs.',
        { cause: error },
      ),
      'ERR_CLUSTER_NOT_CLONEABLE',
    )
  }
}

export function decode<T = unknown>(base64: string): T {
  return deserialize(Buffer.from(base64, 'base64')) as T
}

/** The first value inside `value` that structured clone refuses, with its path in JavaScript syntax. */
function uncloneable(value: unknown, root: string): { path: string; kind: string } | undefined {
  const seen = new Set<object>()
  const visit = (item: unknown, path: string): { path: string; kind: string } | undefined => {
    if (typeof item === 'function') return { path, kind: `a function${item.name ? ` (${item.name})` : ''}` }
    if (typeof item === 'symbol') return { path, kind: `a symbol (${String(item)})` }
    if (typeof item !== 'object' || item === null || seen.has(item) || ArrayBuffer.isView(item)) return undefined
    seen.add(item)
    if (item instanceof Promise) return { path, kind: 'a Promise (await it first and pass its value)' }
    if (item instanceof WeakMap || item instanceof WeakSet || item instanceof WeakRef) return { path, kind: `a ${item.constructor.name}` }
    if (item instanceof Map) {
      for (const [key, entry] of item) {
        const found = visit(key, `${path}.keys()`) ?? visit(entry, `${path}.get(${typeof key === 'string' ? JSON.stringify(key) : String(key)})`)
        if (found) return found
      }
      return undefined
    }
    if (item instanceof Set) {
      for (const entry of item) {
        const found = visit(entry, `${path}.values()`)
        if (found) return found
      }
      return undefined
    }
    for (const key of Object.keys(item)) {
      const found = visit((item as Record<string, unknown>)[key], propertyPath(path, key))
      if (found) return found
    }
    return undefined
  }
  return visit(value, root)
}

/** `args[0].items`, `args[0]["odd key"]` or `args[0][3]`. */
function propertyPath(path: string, key: string): string {
  if (/^(0|[1-9]\d*)$/.test(key)) return `${path}[${key}]`
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`
}
