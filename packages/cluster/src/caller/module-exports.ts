import { readFileSync } from 'node:fs'
import { transformSync } from 'esbuild'
import { initSync, parse } from 'es-module-lexer'

const TYPESCRIPT = /\.[cm]?tsx?$/
let lexerReady = false

/**
 * The names a module file exports, each with its local name, read from its source: not by importing
 * it, because the module may be the program's entry, still evaluating (a top-level `await pool.map()`),
 * and importing it would wait for itself.
 * @example moduleExports('/course/lessons/15-pool/exercise.ts') // [{ name: 'work', local: 'work' }, …]
 */
export function moduleExports(path: string): { name: string; local: string | undefined }[] {
  let code = readFileSync(path, 'utf8')
  if (TYPESCRIPT.test(path)) code = transformSync(code, { loader: path.endsWith('x') ? 'tsx' : 'ts', format: 'esm' }).code
  if (!lexerReady) {
    initSync()
    lexerReady = true
  }
  return parse(code)[1].map((e) => ({ name: e.n, local: e.ln }))
}
