import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, extname, join, relative } from 'node:path'
import type { Context } from '../context.ts'
import { MIN_MISTAKES, MIN_VARIANTS, MISTAKES_DIR, VARIANTS_DIR } from '../dev/known-answers.ts'
import { requireLesson, type Lesson } from '../lessons.ts'
import { hasLocalChanges, readStarter, STARTER_DIR } from '../starters.ts'
import { WRITTEN_SOLUTION } from './solution.ts'

/** What a lesson's name must look like: a number, a dash, and a topic in lower-case words. */
const LESSON_NAME = /^(\d{2,})-([a-z0-9]+(?:-[a-z0-9]+)*)$/
/** Not part of a lesson: installed packages, build output, and what a learner adds. */
const NOT_COPIED = new Set(['node_modules', '.turbo', 'dist', 'coverage', WRITTEN_SOLUTION])
/** Files whose text may name the lesson. */
const TEXT_FILES = new Set(['.md', '.ts', '.json', '.mjs', '.js'])
/**
 * Copied as they are: a known mistake or variant is a learner's whole program, and its header names
 * the source lesson's checks, which the author rewrites along with the new test.
 */
const COPIED_VERBATIM = new Set([MISTAKES_DIR, VARIANTS_DIR])

/**
 * `proclab new NN-topic --from MM`: scaffolds lessons/NN-topic and solutions/NN-topic from lesson MM
 * (its pristine starter, whatever its working `exercise.ts` holds), with the new package name, a placeholder title, and the lesson number rewritten wherever the text
 * refers to the lesson itself; its known mistakes and variants come along unchanged. The copy needs no
 * edit outside its folders. Returns an exit code.
 */
export function newLesson(ctx: Context, name: string, from: string): number {
  const { t, root } = ctx
  const match = LESSON_NAME.exec(name)
  if (!match) throw new Error(t('new.badName', { name }))
  const number = match[1]!
  const topic = match[2]!
  const clash = ctx.lessons.find((l) => Number(l.number) === Number(number))
  if (clash) throw new Error(t('new.numberTaken', { number, id: clash.id }))
  const source = requireLesson(ctx, from)
  const lessonDir = join(root, 'lessons', name)
  const solutionDir = join(root, 'solutions', name)
  for (const dir of [lessonDir, solutionDir]) if (existsSync(dir)) throw new Error(t('new.exists', { dir: relative(root, dir) }))

  const starter = readStarter(source)
  if (starter === undefined) throw new Error(t('new.noStarter', { starter: relative(root, source.starter) }))

  const title = placeholderTitle(topic)
  const rename = renamer(source, { id: name, number, title })
  copyLessonFiles(source.dir, lessonDir, rename)
  if (existsSync(source.solutionDir)) copyLessonFiles(source.solutionDir, solutionDir, rename)
  // The source's exercise.ts may be its author's own solution: the new lesson starts from the pristine starter.
  for (const file of [join(lessonDir, 'exercise.ts'), join(lessonDir, STARTER_DIR, 'exercise.ts')]) writeFileSync(file, rename(starter))
  const packageName = rewritePackage(join(lessonDir, 'package.json'), source, name, title)

  if (hasLocalChanges(source)) console.log(t('new.localChanges', { exercise: relative(root, source.exercise), starter: relative(root, source.starter) }))
  console.log(t('new.created', { lesson: relative(root, lessonDir), solution: relative(root, solutionDir), from: source.id }))
  console.log(t('new.nextSteps', { dir: relative(root, lessonDir), solution: relative(root, solutionDir), from: source.id, mistakes: MIN_MISTAKES, variants: MIN_VARIANTS, number }))
  if (npmInstallNeeded(root, relative(root, lessonDir), packageName)) console.log(t('new.npmInstall'))
  return 0
}

/**
 * Whether npm must run before the new workspace package is usable: when the lockfile does not list it
 * (`npm ci` refuses a lockfile out of step with the workspaces), or when installed packages do not
 * link it yet. A course with neither has nothing to bring up to date.
 */
export function npmInstallNeeded(root: string, workspace: string, packageName: string): boolean {
  const lockfile = join(root, 'package-lock.json')
  if (existsSync(lockfile)) {
    const locked = JSON.parse(readFileSync(lockfile, 'utf8')) as { packages?: Record<string, unknown> }
    if (!locked.packages?.[workspace]) return true
  }
  const installed = join(root, 'node_modules')
  return existsSync(installed) && !existsSync(join(installed, packageName))
}

/** `shared-memory` → `Shared memory`: a title to replace, good enough to pass `dev check` meanwhile. */
export function placeholderTitle(topic: string): string {
  const words = topic.replace(/-/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/**
 * Rewrites text that refers to the source lesson so it refers to the new one: its folder name, its
 * title, and its number where the text says it is this lesson's number (`Lesson 08`, `# 08 ·`,
 * `proclab check 08`, `第 08 课`). Other numbers, such as a mention of an earlier lesson, stay.
 */
export function renamer(source: Lesson, target: { id: string; number: string; title: string }): (text: string) => string {
  const old = `0*${Number(source.number)}`
  const patterns: [RegExp, string][] = [
    [new RegExp(escape(source.id), 'g'), target.id],
    [new RegExp(escape(source.title), 'g'), target.title],
    [new RegExp(`\\b([Ll]esson|LESSON)(\\s+)${old}\\b`, 'g'), `$1$2${target.number}`],
    [new RegExp(`(proclab\\s+(?:run|check|hint|reset|solution|trace|watch)\\s+)${old}\\b`, 'g'), `$1${target.number}`],
    [new RegExp(`^(#{1,6}\\s+)${old}(\\s*[·.:—-])`, 'gm'), `$1${target.number}$2`],
    [new RegExp(`(第\\s*)${old}(\\s*课)`, 'g'), `$1${target.number}$2`],
  ]
  return (text) => patterns.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text)
}

function copyLessonFiles(from: string, to: string, rename: (text: string) => string): void {
  cpSync(from, to, { recursive: true, filter: (path) => !NOT_COPIED.has(basename(path)) })
  for (const file of filesUnder(to, (dir) => !COPIED_VERBATIM.has(basename(dir)))) {
    if (!TEXT_FILES.has(extname(file))) continue
    const text = readFileSync(file, 'utf8')
    const renamed = rename(text)
    if (renamed !== text) writeFileSync(file, renamed)
  }
}

/** The files under `dir`, in the folders `enter` accepts. */
function filesUnder(dir: string, enter: (dir: string) => boolean): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry)
    if (!statSync(path).isDirectory()) return [path]
    return enter(path) ? filesUnder(path, enter) : []
  })
}

/** The new package: its name (the old one with the new folder name, or `@proclab/lesson-NN-topic`), title, and no sources yet. Returns the name. */
function rewritePackage(file: string, source: Lesson, id: string, title: string): string {
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name: string; proclab?: { title?: string; sources?: string[] } }
  pkg.name = source.packageName.includes(source.id) ? source.packageName.replace(source.id, id) : `@proclab/lesson-${id}`
  pkg.proclab = { ...pkg.proclab, title, ...(pkg.proclab?.sources ? { sources: [] } : {}) }
  writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n')
  return pkg.name
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
