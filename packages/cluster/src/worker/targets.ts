import { existsSync } from 'node:fs'
import { relative, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ModuleMismatchError } from '../errors.ts'
import { moduleHash } from '../module-hash.ts'
import type { TargetRef } from '../wire.ts'

/** Modules this worker has imported, with the hash of the copy it imported. */
const loaded = new Map<string, { sha256: string; exports: Promise<Record<string, unknown>> }>()

/**
 * The function a task names, from this machine's copy of its module under `root`. Refuses (with
 * {@link ModuleMismatchError}) a module that is missing, outside the root, or whose copy differs from
 * the caller's: older code never runs silently.
 * @example const fn = await resolveTarget('/srv/course', { module: 'lessons/23/x.ts', exportName: 'square', sha256 })
 */
export async function resolveTarget(root: string, target: TargetRef): Promise<Function> {
  const path = resolve(root, target.module)
  const where = `${target.module} (under ${root})`
  if (relative(root, path).startsWith(`..${sep}`)) throw refused(`its module ${target.module} is outside the worker's project root ${root}`)
  let module = loaded.get(path)
  if (!module) {
    if (!existsSync(path)) throw refused(`this worker has no copy of its module ${where}. Check out the same commit of the project on every machine, and start the worker at its root (or pass --root)`)
    const sha256 = moduleHash(path)
    if (sha256 !== target.sha256) throw differs(where, sha256, target.sha256, 'Check out the same commit on every machine')
    module = { sha256, exports: import(pathToFileURL(path).href) as Promise<Record<string, unknown>> }
    loaded.set(path, module)
  }
  if (module.sha256 !== target.sha256) throw differs(where, module.sha256, target.sha256, 'Restart the worker once every machine has the same copy (a worker keeps the copy it imported first)')
  const fn = (await module.exports)[target.exportName]
  if (typeof fn !== 'function') throw refused(`its module ${where} has no exported function '${target.exportName}'`)
  return fn
}

function differs(where: string, mine: string, theirs: string, fix: string): ModuleMismatchError {
  return refused(`this worker's copy of ${where} differs from the caller's (sha256 ${mine.slice(0, 12)}… here, ${theirs.slice(0, 12)}… there). ${fix}`)
}

// Thrown when a worker refuses to run a task rather than run code other than the caller's.
function refused(why: string): ModuleMismatchError {
  return new ModuleMismatchError(`The worker refused the task: ${why}.`)
}
