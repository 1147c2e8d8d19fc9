import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** What marks the root of a project: the repository that is checked out on every machine. */
const ROOT_MARKERS = ['.git', 'package-lock.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lockb', 'bun.lock']

/**
 * The project root above `dir`: the nearest folder holding `.git` or a lockfile, else the nearest with a
 * package.json, else `dir`. Task modules are named relative to it, so every machine finds them.
 * @example projectRoot('/home/me/course/lessons/23-cluster-pool') // '/home/me/course'
 */
export function projectRoot(dir: string): string {
  let packageDir: string | undefined
  for (let at = dir; ; at = dirname(at)) {
    if (ROOT_MARKERS.some((marker) => existsSync(join(at, marker)))) return at
    packageDir ??= existsSync(join(at, 'package.json')) ? at : undefined
    if (dirname(at) === at) return packageDir ?? dir
  }
}
