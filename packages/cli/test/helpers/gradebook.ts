import { fileURLToPath } from 'node:url'
import type { Gradebook, LessonGrade } from '../../src/grade/gradebook.ts'
import type { Lesson } from '../../src/lessons.ts'
import type { CheckResult, LessonTestResult } from '../../src/vitest-runner.ts'

const COURSE = fileURLToPath(new URL('../fixtures/course', import.meta.url))

/** A lesson of the fake course, by id. */
export function fakeLesson(id: string, title: string): Lesson {
  const dir = `${COURSE}/lessons/${id}`
  return {
    id,
    number: id.split('-')[0]!,
    title,
    dir,
    exercise: `${dir}/exercise.ts`,
    starter: `${dir}/.starter/exercise.ts`,
    solutionDir: `${COURSE}/solutions/${id}`,
    solution: `${COURSE}/solutions/${id}/exercise.ts`,
    readme: `${dir}/README.md`,
    hints: `${dir}/hints.md`,
    test: `${dir}/exercise.test.ts`,
    packageName: `fake-lesson-${id}`,
  }
}

/** A lesson's grade from its checks (and a file-level error, if any). */
export function grade(lesson: Lesson, checks: CheckResult[], fileError?: string): LessonGrade {
  const result: LessonTestResult = { checks, testFile: lesson.test, durationMs: 1234, output: '', cancelled: false, ...(fileError ? { fileError } : {}) }
  const status = fileError === undefined && checks.every((c) => c.passed) ? 'pass' : checks.length === 0 ? 'error' : 'fail'
  return { lesson, result, status, points: status === 'pass' ? 10 : 0, maxPoints: 10 }
}

/** A gradebook of the given grades. */
export function gradebook(grades: LessonGrade[]): Gradebook {
  return { target: 'starter', lessons: grades, points: grades.reduce((s, g) => s + g.points, 0), maxPoints: grades.length * 10 }
}

export const LESSON_01 = fakeLesson('01-good', 'Saying done')
export const LESSON_03 = fakeLesson('03-seeded', 'A seeded schedule')

/** A failure as the harness words it: the lesson's hint, expected and found, then the program's output. */
export const FAILURE = 'Print `done` & <nothing> else.\n\nExpected: a line matching /^done$/\nFound:    no such line\n\nProgram: lessons/01-good/exercise.ts (your exercise), exit code 0\n── stdout ──\ntodo\x1b[31m\n── stderr: (empty) ──'

/** Lesson 01 failing, lesson 03 half passing: a typical class. */
export function typicalGradebook(): Gradebook {
  return gradebook([
    grade(LESSON_01, [{ name: 'the program says done', passed: false, message: FAILURE, durationMs: 7, line: 6 }]),
    grade(LESSON_03, [
      { name: 'the program says done', passed: true, durationMs: 3, line: 7 },
      { name: 'the program survives every schedule', passed: true, durationMs: 2, line: 12 },
    ]),
  ])
}
