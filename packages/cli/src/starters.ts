import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import type { Lesson } from './lessons.ts'
import { STATE_DIR } from './progress.ts'

/** Where the starter came from: git's last commit, or the copy proclab saved when it first saw the lesson. */
export type StarterSource = 'git' | 'saved copy'

/** The folder of the starters proclab saves for exercises git does not track. */
export function savedStartersDir(root: string): string {
  return join(root, STATE_DIR, 'starters')
}

function savedStarter(root: string, lesson: Lesson): string {
  return join(savedStartersDir(root), lesson.id, 'exercise.ts')
}

/**
 * Saves a copy of each exercise that git's last commit does not hold (no repository, or an untracked
 * file), the first time proclab sees it, so that `reset` can restore it later. Committed exercises need
 * no copy: git has them.
 */
export function rememberStarters(root: string, lessons: Lesson[]): void {
  const committed = committedFiles(root)
  for (const lesson of lessons) {
    const copy = savedStarter(root, lesson)
    if (committed.has(relative(root, lesson.exercise)) || existsSync(copy) || !existsSync(lesson.exercise)) continue
    mkdirSync(dirname(copy), { recursive: true })
    copyFileSync(lesson.exercise, copy)
  }
}

/**
 * The lesson's starter `exercise.ts`: the version in git's last commit (`git show HEAD:<path>`) or, when
 * git does not track it, the copy saved by {@link rememberStarters}. Undefined when neither exists.
 */
export function readStarter(root: string, lesson: Lesson): { text: string; source: StarterSource } | undefined {
  const committed = gitShowHead(lesson.dir, 'exercise.ts')
  if (committed !== undefined) return { text: committed, source: 'git' }
  const copy = savedStarter(root, lesson)
  return existsSync(copy) ? { text: readFileSync(copy, 'utf8'), source: 'saved copy' } : undefined
}

function gitShowHead(dir: string, file: string): string | undefined {
  try {
    // `HEAD:./file` is relative to the working directory, wherever the repository's root is.
    return execFileSync('git', ['show', `HEAD:./${file}`], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  } catch {
    return undefined // no git, no repository, no commit yet, or the file is not in HEAD
  }
}

/** Files of `root/lessons` in git's last commit, relative to `root`; empty when `root` is not in a repository. */
function committedFiles(root: string): Set<string> {
  try {
    const listed = execFileSync('git', ['ls-tree', '-r', '-z', '--name-only', 'HEAD', '--', 'lessons'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    return new Set(listed.split('\0').filter(Boolean))
  } catch {
    return new Set()
  }
}
