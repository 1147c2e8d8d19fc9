import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'

/** sha256 of a module file, hex: what a caller sends and a worker checks its own copy against. */
export function moduleHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex')
}
