import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SEED_ENV } from '@proclab/core/tooling'
import { LANGUAGE_ENV, PROGRAM_ENV, type Language } from '@proclab/harness'
import { execa } from 'execa'
import type { Lesson } from './lessons.ts'
import { stopTree } from './process-tree.ts'

/** Which program a lesson's test runs: the learner's exercise, or the reference solution. */
export type Target = 'starter' | 'solution'

/** One check of a lesson: one `test()` of its test file. */
export interface CheckResult {
  /** The test's title, e.g. `the reader got [11, 22, 33, 44], in order`. */
  name: string
  passed: boolean
  /** Why it failed, without vitest's stack: the lesson's teaching message, then expected and found, then the program's output. */
  message?: string
  durationMs: number
  /** The line of the lesson's test file where the check is written. */
  line?: number
}

/** The outcome of one run of a lesson's test. */
export interface LessonTestResult {
  /** The checks, in the order the test file declares them. */
  checks: CheckResult[]
  /**
   * Set when the test file itself failed, outside any check: it could not load, or the program it runs
   * first timed out or left processes behind (the harness throws those at the top of the file).
   */
  fileError?: string
  /** The seed the run used, if it replayed one. */
  seed?: number
  /** The lesson's test file. */
  testFile: string
  durationMs: number
  /** What vitest itself printed, for when nothing else explains a failure. */
  output: string
  /** The run was stopped before it finished (see `signal`); its checks mean nothing. */
  cancelled: boolean
  /**
   * The titles of the tests vitest skipped. A lesson that cannot run on this machine (lesson 23 without
   * `redis-server`) skips its one test, titled with what to install: see {@link lessonSkipped}.
   */
  skipped?: string[]
}

/** Options of {@link testLesson}. */
export interface TestLessonOptions {
  target: Target
  /** Replays the schedule of this seed (sets {@link SEED_ENV}). */
  seed?: number | undefined
  /**
   * Runs this program instead of the target's `exercise.ts` (a path from the course root; sets
   * {@link PROGRAM_ENV}): one of the lesson's known mistakes or variants.
   */
  program?: string | undefined
  /** The language of the test's check names and messages, when it must not be the CLI's own (sets {@link LANGUAGE_ENV}). */
  language?: Language | undefined
  /** Aborting it stops the run and every process it started. */
  signal?: AbortSignal | undefined
}

/** Whether every check ran and passed. */
export function lessonPassed(result: LessonTestResult): boolean {
  return !result.cancelled && result.fileError === undefined && result.checks.length > 0 && result.checks.every((c) => c.passed)
}

/**
 * Why the lesson could not run here, when it skipped every test and ran no check (a lesson that needs
 * what this machine lacks: Redis, Linux): the skipped tests' titles, which say what to install. A
 * skipped lesson has neither passed nor failed. `undefined` when the lesson ran.
 */
export function lessonSkipped(result: LessonTestResult): string | undefined {
  if (result.cancelled || result.fileError !== undefined || result.checks.length > 0 || !result.skipped?.length) return undefined
  return result.skipped.join('\n')
}

/**
 * What to show first when a lesson fails: the file's own failure, or its first failed check, or what
 * vitest printed when it ran no check at all. The message may be empty when nothing explains it.
 */
export function firstFailure(result: LessonTestResult): { name?: string; message: string } | undefined {
  if (result.fileError !== undefined) return { message: result.fileError }
  const failed = result.checks.find((c) => !c.passed)
  if (failed) return { name: failed.name, message: failed.message ?? '' }
  if (result.checks.length === 0) return { message: result.output.trim() }
  return undefined
}

/**
 * Runs a lesson's test with vitest's JSON reporter and returns each check's result. vitest's own output
 * is kept, not printed: the learner sees the lesson's messages, not the test runner's.
 * @example
 * const result = await testLesson(lesson, { target: 'starter', seed: 3 })
 * if (!lessonPassed(result)) console.log(firstFailure(result)?.message)
 */
export async function testLesson(lesson: Lesson, options: TestLessonOptions): Promise<LessonTestResult> {
  const dir = mkdtempSync(join(tmpdir(), 'proclab-check-'))
  const report = join(dir, 'report.json')
  const started = performance.now()
  try {
    const subprocess = execa('vitest', ['run', '--reporter=json', `--outputFile=${report}`, '--includeTaskLocation'], {
      cwd: lesson.dir,
      preferLocal: true,
      localDir: lesson.dir,
      env: {
        PROCLAB_TARGET: options.target,
        FORCE_COLOR: '0',
        NO_COLOR: '1',
        ...(options.seed === undefined ? {} : { [SEED_ENV]: String(options.seed) }),
        // Always set, so that a PROCLAB_PROGRAM left in the author's shell never replaces the target (undefined unsets it).
        [PROGRAM_ENV]: options.program,
        ...(options.language === undefined ? {} : { [LANGUAGE_ENV]: options.language }),
      },
      stdin: 'ignore',
      reject: false,
      all: true,
    })
    // vitest leaves its worker (and the program it runs) behind when only vitest is stopped: stop the whole tree.
    const stop = () => subprocess.pid !== undefined && stopTree(subprocess.pid)
    options.signal?.addEventListener('abort', stop, { once: true })
    const run = await subprocess.finally(() => options.signal?.removeEventListener('abort', stop))
    const cancelled = options.signal?.aborted === true
    return {
      ...readReport(report, run.all ?? ''),
      seed: options.seed,
      testFile: lesson.test,
      durationMs: performance.now() - started,
      output: run.all ?? '',
      cancelled,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

interface JsonReport {
  testResults: {
    name: string
    message?: string
    assertionResults: { title: string; status: string; failureMessages: string[] | null; duration?: number | null; location?: { line: number } | null }[]
  }[]
}

function readReport(reportFile: string, output: string): Pick<LessonTestResult, 'checks' | 'fileError' | 'skipped'> {
  let report: JsonReport
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8')) as JsonReport
  } catch {
    // vitest itself failed (a broken config, a test file that does not compile): what it printed says why.
    return { checks: [], fileError: output.trim() }
  }
  const checks = report.testResults.flatMap((file) =>
    file.assertionResults
      // Skipped and todo tests are not checks a learner can pass or fail.
      .filter((test) => test.status === 'passed' || test.status === 'failed')
      .map((test): CheckResult => ({
        name: test.title,
        passed: test.status === 'passed',
        ...(test.status === 'failed' ? { message: cleanFailure((test.failureMessages ?? []).join('\n\n')) } : {}),
        durationMs: test.duration ?? 0,
        ...(test.location ? { line: test.location.line } : {}),
      })),
  )
  const skipped = report.testResults.flatMap((file) => file.assertionResults.filter((test) => test.status === 'skipped' || test.status === 'pending').map((test) => test.title))
  const fileErrors = report.testResults.map((file) => file.message?.trim()).filter((message): message is string => Boolean(message))
  return { checks, ...(skipped.length > 0 ? { skipped } : {}), ...(fileErrors.length > 0 ? { fileError: fileErrors.map(cleanFailure).join('\n\n') } : {}) }
}

/**
 * A failure message as the learner should read it: without the `Error: ` that vitest puts before a
 * LessonFailure's text, and without vitest's stack at the end (a crash's stack inside the program's
 * stderr, earlier in the message, stays).
 */
export function cleanFailure(message: string): string {
  const lines = message.replace(/^(?:Error|LessonFailure): /, '').split('\n')
  let end = lines.length
  while (end > 0 && /^\s+at /.test(lines[end - 1]!)) end--
  return lines.slice(0, end).join('\n').trimEnd()
}
