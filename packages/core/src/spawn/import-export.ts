import type { TargetRef } from './protocol.ts'

/** Functions already imported in this process, by module and export name. */
const imported = new Map<string, Function>()

/** In another process: the function (or class) that `locateExport` described, imported once. */
export async function importExport<T extends Function>(ref: TargetRef): Promise<T> {
  const key = `${ref.module}#${ref.exportName}`
  let value = imported.get(key)
  if (!value) {
    const found = ((await import(ref.module)) as Record<string, unknown>)[ref.exportName]
    if (typeof found !== 'function') {
      throw new TypeError(`This process could not find the export '${ref.exportName}' in ${ref.module}: the module changed after the parent located it.`)
    }
    imported.set(key, (value = found))
  }
  return value as T
}
