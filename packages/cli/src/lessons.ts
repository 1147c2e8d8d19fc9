import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { Context } from './context.ts'
import type { Language } from './i18n/index.ts'
import { STARTER_DIR } from './starters.ts'

/** One lesson, everything about it derived from its folder (the folders are the lesson list). */
export interface Lesson {
  /** `01-hello-process`. */
  id: string
  /** `01`. */
  number: string
  /** From `proclab.title` in the lesson's package.json; in another language, from its translated README's heading. */
  title: string
  dir: string
  exercise: string
  /** The pristine starter the course ships, `lessons/NN-topic/.starter/exercise.ts` (see `starters.ts`). */
  starter: string
  /** `solutions/NN-topic/`, where the reference answer lives. */
  solutionDir: string
  solution: string
  /** The English lesson text; {@link translated} finds its translation. */
  readme: string
  /** The English hints; {@link translated} finds their translation. */
  hints: string
  /** The lesson's test file. */
  test: string
  /** The package name, for turbo filters. */
  packageName: string
}

/** The repository holding `lessons/`: the nearest such folder above `from`, if any. */
export function findRoot(from = process.cwd()): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'lessons')) && existsSync(join(dir, 'package.json'))) return dir
    if (dirname(dir) === dir) return undefined
  }
}

/** Every lesson under `root/lessons`, in order, with titles in `language` where the lesson is translated. */
export function listLessons(root: string, language: Language = 'en'): Lesson[] {
  const lessonsDir = join(root, 'lessons')
  return readdirSync(lessonsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d+-/.test(entry.name) && existsSync(join(lessonsDir, entry.name, 'package.json')))
    .map((entry) => readLesson(root, entry.name, language))
    .sort((a, b) => a.id.localeCompare(b.id))
}

function readLesson(root: string, id: string, language: Language): Lesson {
  const dir = join(root, 'lessons', id)
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; proclab?: { title?: string } }
  const solutionDir = join(root, 'solutions', id)
  return {
    id,
    number: id.split('-')[0]!,
    title: (language !== 'en' && headingTitle(translationOf(join(dir, 'README.md'), language))) || pkg.proclab?.title || id,
    dir,
    exercise: join(dir, 'exercise.ts'),
    starter: join(dir, STARTER_DIR, 'exercise.ts'),
    solutionDir,
    solution: join(solutionDir, 'exercise.ts'),
    readme: join(dir, 'README.md'),
    hints: join(dir, 'hints.md'),
    test: join(dir, 'exercise.test.ts'),
    packageName: pkg.name,
  }
}

/** The title in a lesson text's first heading, `# 08 · 通过队列传递数据`, without its number and code marks. */
function headingTitle(readme: string): string | undefined {
  if (!existsSync(readme)) return undefined
  const heading = /^# (?:\d+\s*·\s*)?(.+)$/m.exec(readFileSync(readme, 'utf8'))?.[1]
  return heading?.replaceAll('`', '').trim() || undefined
}

/** The lesson a learner means by `01`, `1`, `01-hello-process` or `hello-process`, if there is one. */
export function findLesson(lessons: Lesson[], query: string): Lesson | undefined {
  const wanted = query.trim().toLowerCase()
  return lessons.find((l) => l.id === wanted || Number(l.number) === Number(wanted) || l.id.slice(l.number.length + 1) === wanted)
}

/** The lesson `query` names; throws a message listing the lessons when there is none. */
export function requireLesson(ctx: Context, query: string): Lesson {
  const found = findLesson(ctx.lessons, query)
  if (!found) throw new Error(ctx.t('errors.noLesson', { query, numbers: ctx.lessons.map((l) => l.number).join(', ') }))
  return found
}

/** The lesson after `lesson` in the course, if any. */
export function lessonAfter(lessons: Lesson[], lesson: Lesson): Lesson | undefined {
  return lessons[lessons.findIndex((l) => l.id === lesson.id) + 1]
}

/**
 * Where the translation of a lesson file lives: `README.zh-CN.md` beside `README.md`. English is the
 * original, so for `en` this is `file` itself.
 * @example translationOf('lessons/08-queue/hints.md', 'zh-CN') // 'lessons/08-queue/hints.zh-CN.md'
 */
export function translationOf(file: string, language: Language): string {
  return language === 'en' ? file : file.replace(/\.md$/, `.${language}.md`)
}

/** `file` in `language` if that translation exists, else the English original (lessons are translated one by one). */
export function translated(file: string, language: Language): { file: string; isTranslation: boolean } {
  const translation = translationOf(file, language)
  return existsSync(translation) ? { file: translation, isTranslation: translation !== file } : { file, isTranslation: false }
}
