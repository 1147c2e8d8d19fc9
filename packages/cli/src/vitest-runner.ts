import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import type { Lesson } from './lessons.ts'

/** Which program a lesson's test runs: the learner's exercise, or the reference solution. */
export type Target = 'starter' | 'solution'

/** The outcome of one lesson's test run. */
export interface TestOutcome {
  passed: number
  failed: number
  /** The failure messages of failed checks (and of a test file that could not even load). */
  failures: string[]
  /** What vitest printed, for when the counts are not enough. */
  output: string
}

/** Runs a lesson's test with vitest and reports what passed, quietly (for `dev check` and grading). */
export async function testLesson(lesson: Lesson, target: Target): Promise<TestOutcome> {
  const dir = mkdtempSync(join(tmpdir(), 'proclab-check-'))
  const report = join(dir, 'report.json')
  try {
    const run = await execa('vitest', ['run', '--reporter=json', `--outputFile=${report}`], {
      cwd: lesson.dir,
      preferLocal: true,
      localDir: lesson.dir,
      env: { PROCLAB_TARGET: target, FORCE_COLOR: '0' },
      reject: false,
      all: true,
    })
    return summarize(report, run.all ?? '')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Runs a lesson's test with vitest's own output on the terminal (for `check`); resolves true if it passed. */
export async function checkLessonInteractively(lesson: Lesson, target: Target): Promise<boolean> {
  const run = await execa('vitest', ['run'], {
    cwd: lesson.dir,
    preferLocal: true,
    localDir: lesson.dir,
    env: { PROCLAB_TARGET: target },
    stdio: 'inherit',
    reject: false,
  })
  return run.exitCode === 0
}

interface JsonReport {
  numPassedTests: number
  numFailedTests: number
  testResults: { message?: string; assertionResults: { status: string; failureMessages: string[] }[] }[]
}

function summarize(reportFile: string, output: string): TestOutcome {
  let report: JsonReport
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8')) as JsonReport
  } catch {
    return { passed: 0, failed: 1, failures: ['vitest wrote no report'], output }
  }
  const failures = report.testResults.flatMap((file) => [
    ...(file.message ? [file.message] : []),
    ...file.assertionResults.flatMap((test) => test.failureMessages),
  ])
  // A test file that fails to load has no failed tests but a message: count it as a failure.
  const failed = report.numFailedTests + report.testResults.filter((file) => file.message).length
  return { passed: report.numPassedTests, failed, failures, output }
}
