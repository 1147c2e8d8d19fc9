import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

/** One lesson, everything about it derived from its folder (the folders are the lesson list). */
export interface Lesson {
  /** `01-hello-process`. */
  id: string
  /** `01`. */
  number: string
  /** From `proclab.title` in the lesson's package.json. */
  title: string
  dir: string
  exercise: string
  solution: string
  readme: string
  hints: string
  /** The package name, for turbo filters. */
  packageName: string
}

/** The repository holding `lessons/`: the nearest such folder above `from`. */
export function findRoot(from = process.cwd()): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'lessons')) && existsSync(join(dir, 'package.json'))) return dir
    if (dirname(dir) === dir) {
      throw new Error(`No proclab course here: no folder above ${from} holds a lessons/ folder and a package.json. Run proclab inside your copy of the course.`)
    }
  }
}

/** Every lesson under `root/lessons`, in order. */
export function listLessons(root: string): Lesson[] {
  const lessonsDir = join(root, 'lessons')
  return readdirSync(lessonsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d+-/.test(entry.name) && existsSync(join(lessonsDir, entry.name, 'package.json')))
    .map((entry) => readLesson(root, entry.name))
    .sort((a, b) => a.id.localeCompare(b.id))
}

function readLesson(root: string, id: string): Lesson {
  const dir = join(root, 'lessons', id)
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; proclab?: { title?: string } }
  return {
    id,
    number: id.split('-')[0]!,
    title: pkg.proclab?.title ?? id,
    dir,
    exercise: join(dir, 'exercise.ts'),
    solution: join(root, 'solutions', id, 'exercise.ts'),
    readme: join(dir, 'README.md'),
    hints: join(dir, 'hints.md'),
    packageName: pkg.name,
  }
}

/** The lesson a learner means by `01`, `1`, `01-hello-process` or `hello-process`. */
export function findLesson(lessons: Lesson[], query: string): Lesson {
  const wanted = query.trim().toLowerCase()
  const found = lessons.find(
    (l) => l.id === wanted || Number(l.number) === Number(wanted) || l.id.slice(l.number.length + 1) === wanted,
  )
  if (!found) {
    throw new Error(`There is no lesson '${query}'. Lessons: ${lessons.map((l) => l.number).join(', ')}. Run \`npx proclab list\` to see them.`)
  }
  return found
}
