import { withCode } from './errors.ts'

/**
 * What may cross a process boundary. Values cross by structured clone (the v8 serializer); this
 * module finds, before anything is sent, the first value that cannot, and names it by its path.
 */

/** Types structured clone copies whole, so there is nothing inside them to check. */
const COPIED_WHOLE = [ArrayBuffer, Date, RegExp, Error, Boolean, Number, String, BigInt]

/**
 * Throws a `TypeError` naming the path (in JavaScript syntax, from `root`) of the first value in
 * `value` that structured clone cannot copy.
 * @param api The public call that is sending, for the message: `Process.start()`.
 */
export function assertCloneable(value: unknown, root: string, api: string, what = 'the arguments'): void {
  const seen = new Set<object>()
  const visit = (item: unknown, path: string): void => {
    const fail = (kind: string) => notCloneable(api, what, path, kind)
    if (typeof item === 'function') throw fail(`a function${item.name ? ` (${item.name})` : ''}`)
    if (typeof item === 'symbol') throw fail(`a symbol (${String(item)})`)
    if (typeof item !== 'object' || item === null || seen.has(item)) return
    seen.add(item)
    if (ArrayBuffer.isView(item) || COPIED_WHOLE.some((type) => item instanceof type)) return
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
    for (const key of Object.keys(item)) visit((item as Record<string, unknown>)[key], propertyPath(path, key))
  }
  visit(value, root)
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
