import { accessSync, constants, existsSync, mkdirSync, statSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'

/** Where the transpiled copies of TypeScript modules go (see transpile-cache.ts). */

/**
 * Where the transpiled copy of `path` goes: under the `node_modules` nearest to it, in `.cache/proclab/`.
 * Node looks packages up from the copy through exactly the `node_modules` folders it would from the
 * original, so the copy's bare imports (`@proclab/core`, any dependency) resolve to the same files.
 * Where that folder cannot be written (a read-only checkout, a mounted share), the copy goes to a
 * per-user mirror of the path under the OS temp folder instead (see mirrorFileFor).
 */
export function cacheFileFor(path: string): string {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    if (isDirectory(join(dir, 'node_modules'))) {
      const cache = join(dir, 'node_modules', '.cache', 'proclab')
      if (canWrite(cache)) return join(cache, relative(dir, path) + '.mjs')
      return mirrorFileFor(path)
    }
    if (dirname(dir) === dir) return mirrorFileFor(path)
  }
}

/**
 * The copy of `path` in the per-user mirror under the OS temp folder: the same absolute path below
 * `proclab-cache-<uid>/`, where each folder that has a `node_modules` gets a link to it, so that bare
 * imports from the copy still resolve through the same `node_modules` folders as from the original.
 */
function mirrorFileFor(path: string): string {
  const root = join(tmpdir(), `proclab-cache-${process.getuid?.() ?? 'user'}`)
  const file = join(root, path.replace(/^[A-Za-z]:/, '') + '.mjs')
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    linkNodeModules(join(root, dir.replace(/^[A-Za-z]:/, '')), dir)
    if (dirname(dir) === dir) break
  }
  return file
}

const linked = new Set<string>()
function linkNodeModules(mirrorDir: string, dir: string): void {
  const original = join(dir, 'node_modules')
  if (linked.has(original) || !isDirectory(original)) return
  linked.add(original)
  const link = join(mirrorDir, 'node_modules')
  try {
    mkdirSync(mirrorDir, { recursive: true })
    if (!existsSync(link)) symlinkSync(original, link, 'junction')
  } catch {} // reported by the write of the copy itself, if it fails too
}

/** Whether files can be written in `dir` (made if missing); answered once per folder. */
const writable = new Map<string, boolean>()
function canWrite(dir: string): boolean {
  let answer = writable.get(dir)
  if (answer === undefined) {
    try {
      mkdirSync(dir, { recursive: true })
      accessSync(dir, constants.W_OK)
      answer = true
    } catch {
      answer = false
    }
    writable.set(dir, answer)
  }
  return answer
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory()
}
