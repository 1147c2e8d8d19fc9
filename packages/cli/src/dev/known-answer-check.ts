import { relative } from 'node:path'
import type { Context } from '../context.ts'
import type { Lesson } from '../lessons.ts'
import { firstFailure, lessonPassed, testLesson, type LessonTestResult } from '../vitest-runner.ts'
import { MIN_MISTAKES, MIN_VARIANTS, MISTAKES_DIR, VARIANTS_DIR, type KnownAnswer, type KnownAnswers, type Mistake } from './known-answers.ts'

/**
 * How many known answers run at once. Each lesson test runs its program as its own process tree, in
 * folders of its own (lesson 20's pidfile, lesson 21's file) and on a port the system picks (lesson
 * 22), so two never collide; more would only make both slower on a two-core machine.
 */
export const KNOWN_ANSWERS_AT_ONCE = 2

/** How a lesson's known answers fared: its mutation score. */
export interface KnownAnswerScore {
  mistakes: number
  /** Mistakes that failed the check their header names first (with its `Says:` phrase). */
  rejected: number
  variants: number
  /** Variants that passed every check. */
  passing: number
}

/** What is wrong with the folders' contents, before anything runs: headers, and too few of a kind. */
export function knownAnswerShapeProblems({ root, t }: Context, lesson: Lesson, answers: KnownAnswers): string[] {
  const problems = answers.unreadable.map(({ kind, file, missing }) =>
    kind === 'mistake' ? t('dev.mistakeHeader', { file: relative(root, file), missing: missing.join(', ') }) : t('dev.variantHeader', { file: relative(root, file) }),
  )
  // A file with a broken header counts: the author sees one problem, about the header, not two.
  const mistakes = answers.mistakes.length + answers.unreadable.filter((u) => u.kind === 'mistake').length
  const variants = answers.variants.length + answers.unreadable.filter((u) => u.kind === 'variant').length
  const dir = (name: string) => relative(root, `${lesson.solutionDir}/${name}`)
  if (mistakes < MIN_MISTAKES) problems.push(t('dev.fewMistakes', { dir: dir(MISTAKES_DIR), count: mistakes, minimum: MIN_MISTAKES }))
  if (variants < MIN_VARIANTS) problems.push(t('dev.fewVariants', { dir: dir(VARIANTS_DIR), count: variants, minimum: MIN_VARIANTS }))
  return problems
}

/**
 * Runs every known mistake and variant through the lesson's own test (against the solution target, in
 * English, since headers name checks in English), {@link KNOWN_ANSWERS_AT_ONCE} at a time. Returns
 * what the author must fix and the lesson's score.
 */
export async function knownAnswerRunProblems(ctx: Context, lesson: Lesson, answers: KnownAnswers): Promise<{ problems: string[]; score: KnownAnswerScore }> {
  const all: KnownAnswer[] = [...answers.mistakes, ...answers.variants]
  const verdicts = await inParallel(all, KNOWN_ANSWERS_AT_ONCE, async (answer) => {
    const result = await testLesson(lesson, { target: 'solution', program: relative(ctx.root, answer.file), language: 'en' })
    return answer.kind === 'mistake' ? mistakeProblems(ctx, answer, result) : variantProblems(ctx, answer.file, result)
  })
  const mistakeVerdicts = verdicts.slice(0, answers.mistakes.length)
  const variantVerdicts = verdicts.slice(answers.mistakes.length)
  return {
    problems: verdicts.flat(),
    score: {
      mistakes: mistakeVerdicts.length,
      rejected: mistakeVerdicts.filter((problems) => problems.length === 0).length,
      variants: variantVerdicts.length,
      passing: variantVerdicts.filter((problems) => problems.length === 0).length,
    },
  }
}

function mistakeProblems({ root, t }: Context, mistake: Mistake, result: LessonTestResult): string[] {
  const file = relative(root, mistake.file)
  if (lessonPassed(result)) return [t('dev.mistakePasses', { file, mistake: mistake.description })]
  const failure = firstFailure(result) ?? { message: '' }
  if (failure.name === undefined) return [t('dev.mistakeBeforeChecks', { file, expected: mistake.fails }), ...indent(failure.message)]
  if (failure.name !== mistake.fails) return [t('dev.mistakeWrongCheck', { file, expected: mistake.fails, found: failure.name }), ...indent(failure.message)]
  if (mistake.says !== undefined && !failure.message.includes(mistake.says)) {
    return [t('dev.mistakeLacksPhrase', { file, check: failure.name, phrase: mistake.says }), ...indent(failure.message)]
  }
  return []
}

function variantProblems({ root, t }: Context, path: string, result: LessonTestResult): string[] {
  if (lessonPassed(result)) return []
  const file = relative(root, path)
  const failure = firstFailure(result) ?? { message: '' }
  const problem = failure.name === undefined ? t('dev.variantFailsBeforeChecks', { file }) : t('dev.variantFails', { file, check: failure.name })
  return [problem, ...indent(failure.message)]
}

/** The totals of several lessons' scores. */
export function totalScore(scores: KnownAnswerScore[]): KnownAnswerScore {
  const sum = (key: keyof KnownAnswerScore) => scores.reduce((total, score) => total + score[key], 0)
  return { mistakes: sum('mistakes'), rejected: sum('rejected'), variants: sum('variants'), passing: sum('passing') }
}

/** Maps `items` through `work`, at most `limit` at a time; the results keep the items' order. */
async function inParallel<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/** The first lines of a failure message, indented under the problem they explain. */
function indent(text: string): string[] {
  const lines = text.trim() === '' ? [] : text.split('\n').slice(0, 12)
  return lines.map((line) => `  ${line}`)
}
