import { existsSync, readFileSync } from 'node:fs'
import { relative } from 'node:path'
import type { Lesson } from '../lessons.ts'
import { readHints } from './hint.ts'
import { testLesson } from '../vitest-runner.ts'

/** What `dev check` found wrong with one lesson; an empty list means the lesson is sound. */
type Problems = string[]

/**
 * `proclab dev check`: proves, for every lesson, that it is complete, that its test passes against the
 * solution, and that it fails against the unmodified starter with a message (rustlings' `dev check`).
 * Returns an exit code.
 */
export async function devCheck(root: string, lessons: Lesson[]): Promise<number> {
  if (lessons.length === 0) {
    console.log('dev check: no lessons found under lessons/.')
    return 1
  }
  let failed = 0
  for (const lesson of lessons) {
    const problems = [...structureProblems(root, lesson)]
    if (problems.length === 0) problems.push(...(await behaviourProblems(lesson)))
    if (problems.length === 0) {
      console.log(`✓ ${lesson.id}`)
    } else {
      failed++
      console.log(`✗ ${lesson.id}\n${problems.map((p) => `    ${p}`).join('\n')}`)
    }
  }
  // The plain closing line CI reads.
  console.log(`\ndev check: ${lessons.length - failed} passed, ${failed} failed`)
  return failed === 0 ? 0 : 1
}

function structureProblems(root: string, lesson: Lesson): Problems {
  const problems: Problems = []
  const missing = (file: string, what: string) => !existsSync(file) && problems.push(`${relative(root, file)} is missing: add ${what}.`)
  missing(lesson.readme, 'the lesson text')
  missing(lesson.exercise, 'the starter program')
  missing(lesson.solution, 'the reference solution, with the same file name and exports as the starter')
  missing(lesson.hints, 'two to four hints, each under a `## Hint N` heading')
  if (lesson.title === lesson.id) problems.push(`lessons/${lesson.id}/package.json has no "proclab": { "title": … }: give the lesson a title.`)
  if (existsSync(lesson.exercise) && !readFileSync(lesson.exercise, 'utf8').includes('TODO')) {
    problems.push(`${relative(root, lesson.exercise)} has no TODO: mark what the learner must write.`)
  }
  if (existsSync(lesson.hints) && readHints(lesson).length < 2) problems.push(`${relative(root, lesson.hints)} has fewer than 2 hints.`)
  return problems
}

async function behaviourProblems(lesson: Lesson): Promise<Problems> {
  const problems: Problems = []
  const solution = await testLesson(lesson, 'solution')
  if (solution.failed > 0 || solution.passed === 0) {
    problems.push(`the test does not pass against the solution (${solution.passed} passed, ${solution.failed} failed):`)
    problems.push(...indent(solution.failures[0] ?? solution.output))
  }
  const starter = await testLesson(lesson, 'starter')
  if (starter.failed === 0) problems.push('the test passes against the unmodified starter: a learner would pass without doing anything.')
  else if (starter.failures.every((message) => message.trim() === '')) problems.push('the test fails against the starter, but with no message for the learner.')
  return problems
}

function indent(text: string): string[] {
  return text.split('\n').slice(0, 30).map((line) => `  ${line}`)
}
