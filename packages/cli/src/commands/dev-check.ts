import { existsSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { catalogProblems, type CatalogProblem } from '@proclab/harness'
import type { Context } from '../context.ts'
import { knownAnswerRunProblems, knownAnswerShapeProblems, totalScore, type KnownAnswerScore } from '../dev/known-answer-check.ts'
import { KNOWN_ANSWERS_ENV, knownAnswers } from '../dev/known-answers.ts'
import { LANGUAGES } from '../i18n/index.ts'
import { translationOf, type Lesson } from '../lessons.ts'
import { replayCommand, seedPlan, testUnderSeeds } from '../seeds.ts'
import { hasLocalChanges } from '../starters.ts'
import { firstFailure, lessonPassed, lessonSkipped, testLesson } from '../vitest-runner.ts'
import { readHints } from './hint.ts'
import { loadLessonMessages, MESSAGES_FILE } from '../lesson-messages.ts'

/** How many seeded schedules `dev check` runs each solution under, besides the default one. */
export const DEFAULT_DEV_SEEDS = 2

/** What `dev check` found wrong with one lesson; an empty list means the lesson is sound. */
type Problems = string[]

/** A lesson's mutation score, under its id. */
type LessonScore = KnownAnswerScore & { id: string }

/**
 * `proclab dev check [NN] [--seeds K]`: proves, for every lesson (or one), that it is complete in both
 * languages, that the starter copy it ships (`.starter/exercise.ts`, what `reset` restores) is its
 * `exercise.ts`, that its test passes against the solution under the default schedule and seeds 1 to
 * K, that it fails against the unmodified starter with a message (rustlings' `dev check`), and that
 * it rejects each of its known mistakes with the check the mistake names and passes each variant (the
 * author's mutation test; `PROCLAB_DEV_MISTAKES=0` checks their headers and counts only).
 * A lesson whose test skips itself here (it needs what this machine lacks, as lesson 23 needs
 * `redis-server`) is reported as skipped, with the test's reason: neither passed nor failed.
 * Returns an exit code.
 */
export async function devCheck(ctx: Context, lessons: Lesson[], seeds = DEFAULT_DEV_SEEDS): Promise<number> {
  const { t } = ctx
  if (lessons.length === 0) {
    console.log(t('dev.noLessons'))
    return 1
  }
  const runAnswers = process.env[KNOWN_ANSWERS_ENV] !== '0'
  const scores: LessonScore[] = []
  let failed = 0
  let skipped = 0
  for (const lesson of lessons) {
    const answers = knownAnswers(lesson)
    const problems = [...structureProblems(ctx, lesson), ...(await messageProblems(ctx, lesson))]
    if (problems.length === 0) {
      const behaviour = await behaviourProblems(ctx, lesson, seeds)
      const shape = knownAnswerShapeProblems(ctx, lesson, answers)
      // A lesson that cannot run here is skipped; what needs no run (its known answers' headers and counts) is still checked.
      if (behaviour.skipped !== undefined && shape.length === 0) {
        skipped++
        console.log(`○ ${lesson.id}\n${indent(t('dev.skipped', { reason: behaviour.skipped })).map((line) => `  ${line}`).join('\n')}`)
        continue
      }
      problems.push(...behaviour.problems, ...shape)
      // Against a test that fails the solution, mistakes and variants would prove nothing.
      if (runAnswers && behaviour.solutionPassed) {
        const run = await knownAnswerRunProblems(ctx, lesson, answers)
        problems.push(...run.problems)
        scores.push({ id: lesson.id, ...run.score })
      }
    } else {
      problems.push(...knownAnswerShapeProblems(ctx, lesson, answers))
    }
    if (problems.length === 0) {
      console.log(`✓ ${lesson.id}`)
    } else {
      failed++
      console.log(`✗ ${lesson.id}\n${problems.map((p) => `    ${p}`).join('\n')}`)
    }
  }
  printScores(ctx, scores, runAnswers)
  // The closing line CI reads; it stays in this exact English form in every language.
  console.log(`\ndev check: ${lessons.length - failed - skipped} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`)
  return failed === 0 ? 0 : 1
}

function structureProblems(ctx: Context, lesson: Lesson): Problems {
  const { root, t } = ctx
  const problems: Problems = []
  const missing = (file: string, what: string) => !existsSync(file) && problems.push(t('dev.missing', { file: relative(root, file), what }))
  for (const language of LANGUAGES) {
    missing(translationOf(lesson.readme, language), t('dev.whatReadme', { language }))
    missing(translationOf(lesson.hints, language), t('dev.whatHints', { language }))
  }
  missing(lesson.exercise, t('dev.whatStarter'))
  missing(lesson.starter, t('dev.whatStarterCopy', { exercise: relative(root, lesson.exercise) }))
  if (hasLocalChanges(lesson)) {
    problems.push(t('dev.starterCopyDiffers', { exercise: relative(root, lesson.exercise), starter: relative(root, lesson.starter), number: lesson.number }))
  }
  missing(lesson.solution, t('dev.whatSolution'))
  if (lesson.title === lesson.id) problems.push(t('dev.noTitle', { id: lesson.id, example: '"proclab": { "title": … }' }))
  if (existsSync(lesson.exercise) && !readFileSync(lesson.exercise, 'utf8').includes('TODO')) {
    problems.push(t('dev.noTodo', { file: relative(root, lesson.exercise) }))
  }
  const hintCounts = LANGUAGES.map((language) => translationOf(lesson.hints, language))
    .filter((file) => existsSync(file))
    .map((file) => ({ file: relative(root, file), count: readHints(file).length }))
  for (const { file, count } of hintCounts) if (count < 2) problems.push(t('dev.fewHints', { file }))
  const [original, ...translations] = hintCounts
  for (const translation of translations) {
    if (original && translation.count !== original.count) {
      problems.push(t('dev.hintCountsDiffer', { file: translation.file, count: translation.count, original: original.file, originalCount: original.count }))
    }
  }
  return problems
}

/** What keeps the lesson's message catalog from giving every check name and hint in every language. */
async function messageProblems(ctx: Context, lesson: Lesson): Promise<Problems> {
  const { root, t } = ctx
  const file = relative(root, join(lesson.dir, MESSAGES_FILE))
  const loaded = await loadLessonMessages(lesson)
  if (loaded.kind === 'missing') return [t('dev.missing', { file, what: t('dev.whatMessages') })]
  if (loaded.kind === 'noExport') return [t('dev.noMessagesExport', { file })]
  if (loaded.kind === 'unreadable') return [t('dev.messagesUnreadable', { file, reason: loaded.reason })]
  return catalogProblems(loaded.catalog).map((problem) => describeCatalogProblem(ctx, file, problem))
}

function describeCatalogProblem({ t }: Context, file: string, problem: CatalogProblem): string {
  switch (problem.kind) {
    case 'noLanguage':
      return t('dev.messagesNoLanguage', { file, language: problem.language })
    case 'missing':
      return t('dev.messageMissing', { file, key: problem.key, language: problem.language })
    case 'extra':
      return t('dev.messageExtra', { file, key: problem.key, language: problem.language })
    case 'empty':
      return t('dev.messageEmpty', { file, key: problem.key, language: problem.language })
    case 'placeholders': {
      const names = (list: string[]) => (list.length === 0 ? t('dev.noPlaceholders') : list.map((name) => `{${name}}`).join(' '))
      return t('dev.messagePlaceholders', { file, key: problem.key, language: problem.language, found: names(problem.found), expected: names(problem.expected) })
    }
    default: {
      const unknown: never = problem
      throw new TypeError(`Unknown catalog problem: ${JSON.stringify(unknown)}`)
    }
  }
}

async function behaviourProblems(ctx: Context, lesson: Lesson, seeds: number): Promise<{ problems: Problems; solutionPassed: boolean; skipped?: string }> {
  const { t } = ctx
  const problems: Problems = []
  const solution = await testUnderSeeds(lesson, 'solution', [undefined, ...seedPlan({ seeds })])
  // It could not run here: its starter and known answers could not either.
  const skipped = lessonSkipped(solution)
  if (skipped !== undefined) return { problems, solutionPassed: false, skipped }
  if (!lessonPassed(solution)) {
    const passed = solution.checks.filter((c) => c.passed).length
    problems.push(t('dev.solutionFails', { passed, failed: solution.checks.length - passed }))
    if (solution.seed !== undefined) problems.push(t('dev.underSeed', { seed: solution.seed, command: replayCommand(lesson, 'solution', solution.seed) }))
    problems.push(...indent(firstFailure(solution)?.message ?? solution.output))
  }
  const starter = await testLesson(lesson, { target: 'starter' })
  if (lessonPassed(starter)) problems.push(t('dev.starterPasses'))
  else if ((firstFailure(starter)?.message ?? '').trim() === '') problems.push(t('dev.starterSilent'))
  return { problems, solutionPassed: lessonPassed(solution) }
}

/** The mutation score of each lesson whose known answers ran, then their total; or why none ran. */
function printScores({ t }: Context, scores: LessonScore[], ran: boolean): void {
  if (!ran) {
    console.log(`\n${t('dev.answersSkipped', { variable: KNOWN_ANSWERS_ENV })}`)
    return
  }
  if (scores.length === 0) return
  console.log(`\n${t('dev.scoreHeading')}`)
  for (const score of scores) console.log(`  ${t('dev.score', score)}`)
  if (scores.length > 1) console.log(`  ${t('dev.scoreTotal', totalScore(scores))}`)
}

function indent(text: string): string[] {
  return text.split('\n').slice(0, 30).map((line) => `  ${line}`)
}
