import { relative } from 'node:path'
import { lessonSkipped } from '../vitest-runner.ts'
import { overallStatus, splitFailure, type Gradebook, type LessonGrade, type RunStatus } from './gradebook.ts'
import { readableSource, testSource } from './test-source.ts'

/** exercism caps a test's `output` at 500 characters; longer output is cut and says so. */
export const EXERCISM_OUTPUT_LIMIT = 500
const TRUNCATED = '\n\nOutput was truncated. Please limit to 500 chars.'

/** One entry of `tests` in exercism's results.json, version 3. */
export interface ExercismTest {
  name: string
  status: RunStatus
  message?: string
  output?: string
  test_code: string
  task_id: number
}

/** exercism's test-runner `results.json`, version 3. */
export interface ExercismResults {
  version: 3
  status: RunStatus
  message?: string
  tests: ExercismTest[]
}

/**
 * The gradebook as exercism's test-runner results (interface version 3), all lessons in one file:
 * one test per check, named `NN-topic › check`; `message` is the lesson's teaching message, `output`
 * the program's output (capped at 500 characters), `test_code` the check's source (each `t('key')` shown
 * as the message it stands for, from `messagesOf` the lesson), and `task_id` the
 * lesson number. A lesson whose test file failed before any check ran, or that was skipped (it could not
 * run on this machine), is one test with status `error`.
 */
export function toExercismResults(book: Gradebook, messagesOf: (lessonId: string) => Readonly<Record<string, string>> = () => ({})): ExercismResults {
  const tests = book.lessons.flatMap((grade) => lessonTests(grade, messagesOf(grade.lesson.id)))
  const status = overallStatus(book)
  const firstError = tests.find((test) => test.status === 'error')
  return { version: 3, status, ...(status === 'error' && firstError?.message ? { message: firstError.message } : {}), tests }
}

function lessonTests(grade: LessonGrade, messages: Readonly<Record<string, string>>): ExercismTest[] {
  const { lesson, result } = grade
  const taskId = Number(lesson.number)
  const skipped = lessonSkipped(result)
  // exercism knows no skip: a lesson that could not run here is one test that could not run, saying why.
  if (skipped !== undefined) return [{ name: `${lesson.id} › skipped`, status: 'error', message: skipped, test_code: '', task_id: taskId }]
  const tests: ExercismTest[] = result.checks.map((check) => ({
    name: `${lesson.id} › ${check.name}`,
    status: check.passed ? 'pass' : 'fail',
    ...(check.message === undefined ? {} : failureFields(check.message)),
    test_code: readableSource(testSource(result.testFile, check.line) ?? '', messages),
    task_id: taskId,
  }))
  if (result.fileError !== undefined) {
    tests.unshift({
      name: `${lesson.id} › ${relative(lesson.dir, result.testFile)}`,
      status: result.checks.length === 0 ? 'error' : 'fail',
      ...failureFields(result.fileError),
      test_code: '',
      task_id: taskId,
    })
  }
  return tests
}

function failureFields(message: string): { message: string; output?: string } {
  const { teaching, programOutput } = splitFailure(message)
  return { message: teaching, ...(programOutput === undefined ? {} : { output: capOutput(programOutput) }) }
}

/** Cuts `text` to exercism's limit, ending with a note that it was cut. */
export function capOutput(text: string): string {
  if (text.length <= EXERCISM_OUTPUT_LIMIT) return text
  return text.slice(0, EXERCISM_OUTPUT_LIMIT - TRUNCATED.length) + TRUNCATED
}
