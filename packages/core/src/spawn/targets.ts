import { pathToFileURL } from 'node:url'
import { childModule, sourceOf } from './transpile-cache.ts'
import { withCode } from '../errors.ts'
import { definingScript } from './function-location.ts'
import type { TargetRef } from '../transport/index.ts'

/**
 * A function by module and name, both ways: `locateExport` turns a function into the module that
 * defines it and the name it is exported under there; `importExport`, in another process, turns that
 * back into the function (Python pickles a function as module + qualified name, the same idea).
 */

/** Where each function was defined: that never changes, while the module's code on disk may. */
const definedIn = new WeakMap<Function, string>()

/**
 * The module and export name under which a child finds `fn`. Throws a `TypeError` that says how to fix
 * it when `fn` is not an exported top-level function (or class) of a module file.
 * @param api The public call, for messages: `Process.start()`.
 * @param what What `fn` is to the caller, for messages: `target`.
 */
export function locateExport(fn: (...args: never[]) => unknown, api: string, what: string): TargetRef {
  const label = fn.name ? `'${fn.name}'` : 'an anonymous function'
  let url = definedIn.get(fn)
  if (!url) {
    const script = definingScript(fn)
    if (!script || !/^(file:|\/|[A-Za-z]:[\\/])/.test(script)) {
      throw notExported(`${api} cannot use ${label} as the ${what}: it is not defined in a module file of your program (it may be a built-in or bound function).`, fn)
    }
    url = script.startsWith('file:') ? script : pathToFileURL(script).href
  }
  const module = childModule(url)
  const exported = module.exports.find((e) => (e.local ?? e.name) === fn.name && fn.name !== '')
  if (!exported) {
    throw notExported(
      `${api} cannot use ${label} as the ${what}: it is not exported from ${url}. A child process starts fresh and ` +
        `re-imports that module to find the ${what} by name (as Python's spawn does), so it must be an exported ` +
        `top-level ${fn.prototype && /^class\b/.test(Function.prototype.toString.call(fn)) ? 'class' : 'function'}: write \`export ${declaration(fn)}\` in that module.`,
      fn,
    )
  }
  definedIn.set(fn, url)
  return { module: module.url, exportName: exported.name }
}

/**
 * Throws a `TypeError` if `fn` is a class: a child calls its target, and a class cannot be called
 * (a Process subclass is started with `new MyProcess().start()`, not passed as a target).
 */
export function assertCallable(fn: Function, api: string, what: string): void {
  if (!isClass(fn)) return
  const name = fn.name || 'anonymous'
  throw withCode(
    new TypeError(
      `${api} cannot use the class '${name}' as the ${what}: a class is not a function the child can call. ` +
        `Pass an exported function, or make '${name}' extend mp.Process, override run(), and call \`new ${name}().start()\`.`,
    ),
    'ERR_MP_INVALID_TARGET',
  )
}

function isClass(fn: Function): boolean {
  return /^class\b/.test(Function.prototype.toString.call(fn))
}

function declaration(fn: Function): string {
  const source = Function.prototype.toString.call(fn)
  if (/^class\b/.test(source)) return `class ${fn.name || 'MyProcess'} …`
  if (/^async\b/.test(source)) return `async function ${fn.name || 'work'}(…)`
  return `function ${fn.name || 'work'}(…)`
}

// Thrown when a target cannot be found again by a child.
function notExported(message: string, fn: Function): TypeError {
  const inline = fn.name === '' || fn.name === 'target' ? ' An inline arrow function cannot be re-imported: move it to the top level of the module and export it.' : ''
  return withCode(new TypeError(message + inline), 'ERR_MP_TARGET_NOT_EXPORTED')
}

/** Functions already imported in this process, by module and export name. */
const imported = new Map<string, Function>()
/** Modules being imported: one still here when the process exits never finished (a top-level await that never settled). */
const importing = new Set<string>()

/** The modules whose import has started and not finished, as the user knows them (the TypeScript file, not its cached copy). */
export function unfinishedImports(): string[] {
  return [...importing].map(sourceOf)
}

/** In another process: the function (or class) that `locateExport` described, imported once. */
export async function importExport<T extends Function>(ref: TargetRef): Promise<T> {
  const key = `${ref.module}#${ref.exportName}`
  let value = imported.get(key)
  if (!value) {
    importing.add(ref.module)
    let found: unknown
    try {
      found = ((await import(ref.module)) as Record<string, unknown>)[ref.exportName]
    } finally {
      importing.delete(ref.module)
    }
    if (typeof found !== 'function') {
      throw new TypeError(`This process could not find the export '${ref.exportName}' in ${ref.module}: the module changed after the parent located it.`)
    }
    imported.set(key, (value = found))
  }
  return value as T
}
