import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Context } from '../context.ts'
import { encodeClassroomResult, setStepOutput, toClassroomResult } from '../grade/classroom.ts'
import { toExercismResults } from '../grade/exercism.ts'
import { loadLessonMessages, messagesIn } from '../lesson-messages.ts'
import { gradeLessons, overallStatus } from '../grade/gradebook.ts'
import { toJUnitXml } from '../grade/junit.ts'
import { formatScoreTable } from '../grade/score-table.ts'
import { progressLine } from '../terminal/progress-bar.ts'
import { shownPath } from '../terminal/shown-path.ts'
import type { Target } from '../vitest-runner.ts'

/** Options of {@link grade}. */
export interface GradeCommandOptions {
  target: Target
  pointsPerLesson: number
  seed?: number | undefined
  /** Where to write exercism's results.json. */
  json?: string | undefined
  /** Where to write JUnit XML. */
  junit?: string | undefined
  /** Produce GitHub Classroom's autograding result. */
  classroom: boolean
}

/**
 * `proclab grade`: runs every lesson's test (on the learners' exercises, or the solutions), prints a
 * score table, and writes the reports asked for. Returns 0 only when every lesson passed.
 */
export async function grade(ctx: Context, options: GradeCommandOptions): Promise<number> {
  const { t } = ctx
  const bar = progressLine(process.stderr)
  const book = await gradeLessons(ctx.lessons, {
    ...options,
    onLesson: (done, lesson) => bar.update(done, ctx.lessons.length, lesson.id),
  })
  bar.update(ctx.lessons.length, ctx.lessons.length, '')
  bar.done()
  const what = options.target === 'solution' ? t('grade.solutions') : t('grade.exercises')
  console.log(`${t('grade.heading', { what })}\n\n${formatScoreTable(t, book)}`)
  const written = (file: string) => console.log(t('grade.wrote', { file: shownPath(file) }))
  if (options.json) {
    const file = resolve(options.json)
    // The checks' sources quote the lesson's messages by key: the report shows them in the learner's language.
    const messages = new Map<string, Record<string, string>>()
    for (const lesson of ctx.lessons) {
      const loaded = await loadLessonMessages(lesson)
      messages.set(lesson.id, loaded.kind === 'loaded' ? messagesIn(loaded.catalog, ctx.language) : {})
    }
    writeFileSync(file, JSON.stringify(toExercismResults(book, (id) => messages.get(id) ?? {}), null, 2) + '\n')
    written(file)
  }
  if (options.junit) {
    const file = resolve(options.junit)
    writeFileSync(file, toJUnitXml(book))
    written(file)
  }
  if (options.classroom) {
    const encoded = encodeClassroomResult(toClassroomResult(book, ctx.root))
    const outputFile = process.env.GITHUB_OUTPUT
    if (outputFile) {
      setStepOutput(outputFile, 'result', encoded)
      console.log(t('grade.classroomOutput'))
    } else {
      console.log(`${t('grade.classroomNoOutput')}\nresult=${encoded}`)
    }
  }
  return overallStatus(book) === 'pass' ? 0 : 1
}
