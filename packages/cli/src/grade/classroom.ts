import { appendFileSync } from 'node:fs'
import { relative } from 'node:path'
import { firstFailure, lessonSkipped } from '../vitest-runner.ts'
import { overallStatus, splitFailure, type Gradebook, type RunStatus } from './gradebook.ts'

/** One test of a GitHub Classroom autograding result: here, one lesson. */
export interface ClassroomTest {
  name: string
  status: RunStatus
  score: number
  message: string
  test_code: string
  filename: string
  line_no: number
  /** Milliseconds. */
  execution_time: number
  /** The same milliseconds, under the name the command grader uses. */
  duration: number
}

/** The result a GitHub Classroom grader action sets as its `result` output, before base64. */
export interface ClassroomResult {
  version: 1
  status: RunStatus
  max_score: number
  tests: ClassroomTest[]
}

/**
 * The gradebook as a GitHub Classroom autograding result: one test per lesson, scoring the lesson's
 * points when all its checks pass (the reporter adds up `score` against `max_score`).
 */
export function toClassroomResult(book: Gradebook, root: string): ClassroomResult {
  return {
    version: 1,
    status: overallStatus(book),
    max_score: book.maxPoints,
    tests: book.lessons.map(({ lesson, result, status, points }) => {
      const failure = firstFailure(result)
      const passedChecks = result.checks.filter((c) => c.passed).length
      const failedLine = result.checks.find((c) => !c.passed)?.line
      const milliseconds = Math.round(result.durationMs)
      const skipped = lessonSkipped(result)
      return {
        name: `${lesson.id}: ${lesson.title}`,
        // GitHub Classroom knows no skip: a lesson that could not run here could not run, and scores nothing.
        status: status === 'skipped' ? 'error' : status,
        score: points,
        message:
          skipped !== undefined
            ? `skipped: ${skipped}`
            : status === 'pass'
            ? `${passedChecks}/${result.checks.length} checks passed`
            : `${failure?.name ? `${failure.name}: ` : ''}${splitFailure(failure?.message ?? '').teaching}`,
        test_code: `npx proclab check ${lesson.number}`,
        filename: relative(root, result.testFile),
        line_no: failedLine ?? 0,
        execution_time: milliseconds,
        duration: milliseconds,
      }
    }),
  }
}

/** The result as the reporter reads it: base64 of its JSON. */
export function encodeClassroomResult(result: ClassroomResult): string {
  return Buffer.from(JSON.stringify(result)).toString('base64')
}

/** Sets a step output in GitHub Actions: appends `name=value` to the file named by `$GITHUB_OUTPUT`. */
export function setStepOutput(outputFile: string, name: string, value: string): void {
  appendFileSync(outputFile, `${name}=${value}\n`)
}
