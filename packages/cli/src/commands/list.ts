import { relative } from 'node:path'
import type { Lesson } from '../lessons.ts'
import { readProgress } from '../progress.ts'

const BAR_WIDTH = 30

/** `proclab` / `proclab list`: every lesson with its status, a progress bar, and what to do next. */
export function list(root: string, lessons: Lesson[]): void {
  const progress = readProgress(root)
  const passed = lessons.filter((l) => progress.lessons[l.id]?.passed).length
  const filled = lessons.length === 0 ? 0 : Math.round((passed / lessons.length) * BAR_WIDTH)
  console.log(`proclab: learn multiprocessing by doing\n`)
  console.log(`Progress [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${passed}/${lessons.length} lessons\n`)
  const width = Math.max(...lessons.map((l) => l.title.length))
  for (const lesson of lessons) {
    const result = progress.lessons[lesson.id]
    const mark = result === undefined ? '·' : result.passed ? '✓' : '✗'
    console.log(`  ${mark} ${lesson.number}  ${lesson.title.padEnd(width)}  ${relative(root, lesson.dir)}`)
  }
  const next = lessons.find((l) => !progress.lessons[l.id]?.passed)
  if (!next) {
    console.log(`\nEvery lesson passes. Well done!`)
    return
  }
  console.log(`\nNext: lesson ${next.number}, ${next.title}`)
  console.log(`  read     ${relative(process.cwd(), next.readme)}`)
  console.log(`  edit     ${relative(process.cwd(), next.exercise)}`)
  console.log(`  run it   npx proclab run ${next.number}`)
  console.log(`  check    npx proclab check ${next.number}`)
  console.log(`  stuck?   npx proclab hint ${next.number}`)
}
