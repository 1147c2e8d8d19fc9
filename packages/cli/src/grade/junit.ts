import { relative } from 'node:path'
import { lessonSkipped } from '../vitest-runner.ts'
import type { Gradebook, LessonGrade } from './gradebook.ts'

/**
 * The gradebook as JUnit XML, which CI systems display: a `testsuite` per lesson, a `testcase` per
 * check, a `failure` (or, when the test file could not run its checks, an `error`) with the message.
 * A lesson that could not run on this machine is one `testcase` with JUnit's `skipped`, saying why.
 */
export function toJUnitXml(book: Gradebook): string {
  const count = (pick: (g: LessonGrade) => number) => book.lessons.reduce((sum, g) => sum + pick(g), 0)
  const tests = count((g) => g.result.checks.length + (g.result.fileError === undefined ? 0 : 1) + (lessonSkipped(g.result) === undefined ? 0 : 1))
  const skipped = count((g) => (lessonSkipped(g.result) === undefined ? 0 : 1))
  const failures = count((g) => g.result.checks.filter((c) => !c.passed).length)
  const errors = count((g) => (g.result.fileError === undefined ? 0 : 1))
  const time = count((g) => g.result.durationMs)
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="proclab" tests="${tests}" failures="${failures}" errors="${errors}"${skipped > 0 ? ` skipped="${skipped}"` : ''} time="${seconds(time)}">`,
    ...book.lessons.map(testsuite),
    '</testsuites>',
    '',
  ].join('\n')
}

function testsuite({ lesson, result }: LessonGrade): string {
  const skipped = lessonSkipped(result)
  if (skipped !== undefined) {
    const attributes = `name="${xml(`${lesson.id}: ${lesson.title}`)}" tests="1" failures="0" errors="0" skipped="1" time="${seconds(result.durationMs)}"`
    const skip = `    <testcase classname="${xml(lesson.id)}" name="skipped" time="0">\n      <skipped message="${xml(skipped.split('\n')[0] ?? '')}"/>\n    </testcase>`
    return [`  <testsuite ${attributes}>`, skip, '  </testsuite>'].join('\n')
  }
  const failures = result.checks.filter((c) => !c.passed).length
  const errors = result.fileError === undefined ? 0 : 1
  const cases = result.checks.map((check) => {
    const open = `    <testcase classname="${xml(lesson.id)}" name="${xml(check.name)}" time="${seconds(check.durationMs)}"`
    if (check.passed) return `${open}/>`
    return `${open}>\n      ${problem('failure', check.message ?? '')}\n    </testcase>`
  })
  if (result.fileError !== undefined) {
    const name = relative(lesson.dir, result.testFile)
    cases.unshift(`    <testcase classname="${xml(lesson.id)}" name="${xml(name)}" time="0">\n      ${problem('error', result.fileError)}\n    </testcase>`)
  }
  const attributes = `name="${xml(`${lesson.id}: ${lesson.title}`)}" tests="${cases.length}" failures="${failures}" errors="${errors}" time="${seconds(result.durationMs)}"`
  return [`  <testsuite ${attributes}>`, ...cases, '  </testsuite>'].join('\n')
}

function problem(kind: 'failure' | 'error', message: string): string {
  const firstLine = message.split('\n')[0] ?? ''
  return `<${kind} message="${xml(firstLine)}" type="LessonFailure">${xml(message)}</${kind}>`
}

function seconds(milliseconds: number): string {
  return (milliseconds / 1000).toFixed(3)
}

/**
 * Text made safe for XML, in attributes and in elements: the five special characters escaped, and
 * the characters XML 1.0 forbids (terminal colour codes and other control characters) removed.
 */
export function xml(text: string): string {
  return text
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}
