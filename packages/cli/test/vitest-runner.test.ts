import { describe, expect, test } from 'vitest'
import { replayCommand, seedPlan } from '../src/seeds.ts'
import { cleanFailure, firstFailure, lessonPassed, lessonSkipped, type LessonTestResult } from '../src/vitest-runner.ts'
import { LESSON_03 } from './helpers/gradebook.ts'

const VITEST_FAILURE = [
  'Error: The reader stopped too early.',
  '',
  '── stderr ──',
  'Process reader:',
  'Error: boom',
  '    at reader (file:///course/lessons/08-queue/exercise.ts:20:11)',
  '── timeline ──',
  'time (ms) 0 50',
  '    at ProgramExpectations.that (file:///work/main/packages/harness/src/expect.ts:26:11)',
  '    at /work/main/lessons/08-queue/exercise.test.ts:35:13',
].join('\n')

const result = (checks: LessonTestResult['checks'], extra: Partial<LessonTestResult> = {}): LessonTestResult => ({
  checks,
  testFile: 'exercise.test.ts',
  durationMs: 1,
  output: 'vitest said this',
  cancelled: false,
  ...extra,
})

describe('reading a lesson test’s results', () => {
  test('a failure loses vitest’s “Error: ” and stack, and keeps the program’s own stack', () => {
    expect(cleanFailure(VITEST_FAILURE)).toBe(
      'The reader stopped too early.\n\n── stderr ──\nProcess reader:\nError: boom\n    at reader (file:///course/lessons/08-queue/exercise.ts:20:11)\n── timeline ──\ntime (ms) 0 50',
    )
  })

  test('a lesson is skipped, with its skipped tests’ titles as the reason, only when it ran no check and skipped some', () => {
    const reason = 'skipped: this lesson needs a Redis server… sudo apt-get install redis-server'
    expect(lessonSkipped(result([], { skipped: [reason] }))).toBe(reason)
    expect(lessonPassed(result([], { skipped: [reason] }))).toBe(false)
    // A check that ran decides; so do a broken file, a cancelled run, or nothing skipped at all.
    expect(lessonSkipped(result([{ name: 'a', passed: true, durationMs: 1 }], { skipped: [reason] }))).toBeUndefined()
    expect(lessonSkipped(result([], { skipped: [reason], fileError: 'did not load' }))).toBeUndefined()
    expect(lessonSkipped(result([], { skipped: [reason], cancelled: true }))).toBeUndefined()
    expect(lessonSkipped(result([]))).toBeUndefined()
  })

  test('a lesson passes when every check ran and passed', () => {
    const pass = { name: 'a', passed: true, durationMs: 1 }
    expect(lessonPassed(result([pass]))).toBe(true)
    expect(lessonPassed(result([]))).toBe(false)
    expect(lessonPassed(result([pass], { fileError: 'left processes behind' }))).toBe(false)
    expect(lessonPassed(result([pass], { cancelled: true }))).toBe(false)
  })

  test('the first failure is the file’s own, else the first failed check', () => {
    const failed = (name: string) => ({ name, passed: false, message: `${name} failed`, durationMs: 1 })
    expect(firstFailure(result([failed('one'), failed('two')]))).toEqual({ name: 'one', message: 'one failed' })
    expect(firstFailure(result([failed('one')], { fileError: 'it hung' }))).toEqual({ message: 'it hung' })
    expect(firstFailure(result([]))).toEqual({ message: 'vitest said this' })
  })
})

describe('seeded schedules', () => {
  test.each([
    [{}, [undefined]],
    [{ seed: 7 }, [7]],
    [{ seed: 0 }, [0]],
    [{ seeds: 3 }, [1, 2, 3]],
  ])('options %o plan %o', (options, plan) => {
    expect(seedPlan(options)).toEqual(plan)
  })

  test('the replay command names the lesson, the target and the seed', () => {
    expect(replayCommand(LESSON_03, 'starter', 2)).toBe('npx proclab check 03 --seed 2')
    expect(replayCommand(LESSON_03, 'solution', 2)).toBe('npx proclab check 03 --solution --seed 2')
  })
})
