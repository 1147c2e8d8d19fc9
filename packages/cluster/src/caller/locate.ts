import { dirname, relative, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { withCode } from '../errors.ts'
import { moduleHash } from '../module-hash.ts'
import { projectRoot } from '../project-root.ts'
import type { TargetRef } from '../wire.ts'
import { definingScript } from '@proclab/core/tooling'
import { moduleExports } from './module-exports.ts'

/** Targets already located, so a map of a million items locates its function once. */
const located = new WeakMap<Function, TargetRef>()

/**
 * How a worker on another machine finds `fn`: its module's path relative to the project root, its
 * export name there, and the hash of the module file. Throws a `TypeError` that says how to fix
 * it when `fn` is not an exported top-level function of a module file inside the project.
 * @example await locateTarget(square, 'ClusterPool.map()') // { module: 'lessons/23/exercise.ts', exportName: 'square', sha256: '…' }
 */
export function locateTarget(fn: Function, api: string): TargetRef {
  let found = located.get(fn)
  if (!found) located.set(fn, (found = locate(fn, api)))
  return found
}

function locate(fn: Function, api: string): TargetRef {
  const label = fn.name ? `'${fn.name}'` : 'an anonymous function'
  const script = typeof fn === 'function' ? definingScript(fn) : undefined
  if (!script || !/^(file:|\/|[A-Za-z]:[\\/])/.test(script)) {
    throw notExported(`${api} cannot use ${label} as the task: it is not defined in a module file of your program (it may be a built-in or bound function).`)
  }
  const url = script.startsWith('file:') ? script : pathToFileURL(script).href
  const path = fileURLToPath(url)
  const exportName = fn.name ? moduleExports(path).find((e) => (e.local ?? e.name) === fn.name)?.name : undefined
  if (!exportName) {
    throw notExported(
      `${api} cannot use ${label} as the task: it is not exported from ${path}. A worker on another machine imports that module ` +
        `and finds the task by name, so it must be an exported top-level function: write \`export function ${fn.name || 'work'}(…)\` in that module.`,
    )
  }
  const root = projectRoot(dirname(path))
  return { module: relative(root, path).split(sep).join('/'), exportName, sha256: moduleHash(path) }
}

// Thrown when a worker could not find the task again by module and name.
function notExported(message: string): TypeError {
  return withCode(new TypeError(message), 'ERR_CLUSTER_TARGET_NOT_EXPORTED')
}
