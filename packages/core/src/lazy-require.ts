import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/**
 * A module loaded on first use rather than when proclab loads: what only some programs need (a
 * manager's `node:crypto`) should not cost every child its memory and load time.
 * @example const crypto = lazy<typeof import('node:crypto')>('node:crypto'); crypto().randomBytes(8)
 */
export function lazy<T>(id: string): () => T {
  let loaded: T | undefined
  return () => (loaded ??= require(id) as T)
}
