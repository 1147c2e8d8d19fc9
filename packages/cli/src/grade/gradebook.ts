import { PROGRAM_OUTPUT_HEADING } from '@proclab/harness'
import type { Lesson } from '../lessons.ts'
import { lessonPassed, lessonSkipped, testLesson, type LessonTestResult, type Target } from '../vitest-runner.ts'

/** Points a lesson is worth unless `--points` says otherwise. */
export const DEFAULT_POINTS = 10

/** A verdict in the words of exercism and GitHub Classroom: `error` means no check could run at all. */
export type RunStatus = 'pass' | 'fail' | 'error'

/**
 * A lesson's verdict: a {@link RunStatus}, or `skipped` when the lesson could not run on this machine
 * (it needs what is not installed here). A skipped lesson earns no points and is no pass; reports
 * that know no skip (exercism, GitHub Classroom) show it as `error`.
 */
export type GradeStatus = RunStatus | 'skipped'

/** One lesson's grade. A lesson earns its points only when every one of its checks passes. */
export interface LessonGrade {
  lesson: Lesson
  result: LessonTestResult
  status: GradeStatus
  points: number
  maxPoints: number
}

/** Every lesson's grade, in course order. */
export interface Gradebook {
  target: Target
  lessons: LessonGrade[]
  points: number
  maxPoints: number
}

/** Options of {@link gradeLessons}. */
export interface GradeOptions {
  target: Target
  pointsPerLesson: number
  seed?: number | undefined
  /** Called before each lesson runs, with how many are done. */
  onLesson?: (done: number, lesson: Lesson) => void
}

/** The verdict of one run: `error` when the test file failed before any check ran, `skipped` when it could not run here. */
export function gradeStatus(result: LessonTestResult): GradeStatus {
  if (lessonPassed(result)) return 'pass'
  if (lessonSkipped(result) !== undefined) return 'skipped'
  return result.checks.length === 0 ? 'error' : 'fail'
}

/**
 * Runs every lesson's test, one after another (lessons run real process trees: in parallel they would
 * only slow each other down), and grades each.
 * @example const book = await gradeLessons(lessons, { target: 'starter', pointsPerLesson: 10 })
 */
export async function gradeLessons(lessons: Lesson[], options: GradeOptions): Promise<Gradebook> {
  const grades: LessonGrade[] = []
  for (const lesson of lessons) {
    options.onLesson?.(grades.length, lesson)
    const result = await testLesson(lesson, { target: options.target, seed: options.seed })
    const status = gradeStatus(result)
    grades.push({ lesson, result, status, points: status === 'pass' ? options.pointsPerLesson : 0, maxPoints: options.pointsPerLesson })
  }
  return {
    target: options.target,
    lessons: grades,
    points: grades.reduce((sum, g) => sum + g.points, 0),
    maxPoints: grades.reduce((sum, g) => sum + g.maxPoints, 0),
  }
}

/** The overall verdict: `pass` when every lesson passed, `error` when no lesson could run a check, else `fail`. */
export function overallStatus(book: Gradebook): RunStatus {
  if (book.lessons.every((g) => g.status === 'pass')) return 'pass'
  return book.lessons.every((g) => g.status === 'error') ? 'error' : 'fail'
}

/**
 * Splits a failure message at the program's output, which the harness appends after `Program: …`
 * (`程序：…` in Chinese): the lesson's teaching message comes first, what the program printed after.
 */
export function splitFailure(message: string): { teaching: string; programOutput?: string } {
  const at = message.search(PROGRAM_OUTPUT_HEADING)
  if (at < 0) return { teaching: message }
  return { teaching: message.slice(0, at).trimEnd(), programOutput: message.slice(at).trimEnd() }
}
