import type { Context } from '../context.ts'
import { lessonAfter, type Lesson } from '../lessons.ts'
import { isSolved, readProgress } from '../progress.ts'
import { replayCommand } from '../seeds.ts'
import { shownPath } from '../terminal/shown-path.ts'
import type { Style } from '../terminal/style.ts'
import { writeFailureTimeline } from '../timeline.ts'
import { firstFailure, lessonPassed, lessonSkipped, type LessonTestResult, type Target } from '../vitest-runner.ts'

/**
 * A check's result as the learner reads it: the verdict, then the first failure in full (the lesson's
 * teaching message, expected and found, the program's output), then every check at a glance. When a
 * seeded schedule broke it, the seed and the command that replays it.
 */
export function formatCheckReport(ctx: Context, lesson: Lesson, result: LessonTestResult, target: Target, style: Style): string {
  const { t } = ctx
  const passedCount = result.checks.filter((c) => c.passed).length
  const total = result.checks.length
  const skipped = lessonSkipped(result)
  if (skipped !== undefined) return `${style.yellow(`○ ${t('report.skipped', { number: lesson.number })}`)}\n\n${skipped}`
  if (lessonPassed(result)) {
    const verdict = t('report.passed', { number: lesson.number, passed: passedCount, total })
    return style.green(`✓ ${verdict}`) + (result.seed === undefined ? '' : ` ${t('report.underSeed', { seed: result.seed })}`)
  }
  const lines = [style.red(`✗ ${t('report.failed', { number: lesson.number, passed: passedCount, total })}`)]
  if (result.seed !== undefined) {
    lines.push(t('report.seedFailed', { seed: result.seed, command: replayCommand(lesson, target, result.seed) }))
  }
  const failure = firstFailure(result)
  if (failure) {
    const heading = failure.name === undefined ? t('report.fileFailed') : t('report.firstFailure', { name: failure.name })
    lines.push('', style.bold(`── ${heading} ──`), failure.message || t('report.noMessage', { dir: shownPath(lesson.dir) }))
  }
  if (total > 1 || (total === 1 && result.fileError !== undefined)) {
    lines.push('', t('report.checks'), ...result.checks.map((c) => (c.passed ? style.green(`  ✓ ${c.name}`) : style.red(`  ✗ ${c.name}`))))
  }
  // A long failure (output, timeline) pushes its first words off the screen: say them again, last.
  if (failure && failure.message.split('\n').length > HEADLINE_AGAIN_AFTER_LINES) {
    lines.push('', style.bold(`── ${t('report.headlineAgain')} ──`), headline(failure.message))
  }
  return lines.join('\n')
}

/** A failure message longer than this many lines ends with its headline again. */
export const HEADLINE_AGAIN_AFTER_LINES = 15

/** A failure's headline: its first paragraph, the lesson's word on what was probably forgotten. */
function headline(message: string): string {
  return message.split(/\n\s*\n/)[0]!.trim()
}

/**
 * What the learner can do after a check: on a pass, read the solution and go on (after the last
 * lesson, back to the first one not solved yet, if any); on a failure, ask for a hint. `watching`
 * words it for watch mode's keys instead of commands.
 */
export function whatNext(ctx: Context, lesson: Lesson, passed: boolean, watching: boolean): string {
  const { t } = ctx
  if (!passed) return watching ? t('next.failedWatching') : t('next.failed', { number: lesson.number })
  const next = lessonAfter(ctx.lessons, lesson)
  const lines = [t('next.congratulations', { number: lesson.number }), t('next.solutionOpen', { number: lesson.number })]
  if (next) lines.push(watching ? t('next.lessonWatching', { number: next.number, title: next.title }) : t('next.lesson', { number: next.number, title: next.title }))
  else lines.push(afterLastLesson(ctx, watching))
  return lines.join('\n')
}

/** After passing the last lesson: the course is done only when every lesson passes; else the first that does not. */
function afterLastLesson(ctx: Context, watching: boolean): string {
  const progress = readProgress(ctx.root)
  const unsolved = ctx.lessons.filter((lesson) => !isSolved(progress, lesson))
  const first = unsolved[0]
  if (!first) return ctx.t('next.courseDone')
  const words = { count: unsolved.length, number: first.number, title: first.title }
  return watching ? ctx.t('next.unsolvedLeftWatching', words) : ctx.t('next.unsolvedLeft', words)
}

/**
 * After a failed check whose program ran to its end: draws the timeline of a traced run of the
 * learner's program (under the same seed) to `.proclab/timelines/NN.html` and says where it is.
 */
export async function mentionTimeline(ctx: Context, lesson: Lesson, result: LessonTestResult, print: (line: string) => void): Promise<void> {
  // A program that hung or left processes behind would hang again: its message already shows its timeline.
  if (result.fileError !== undefined) return
  const file = await writeFailureTimeline(ctx, lesson, result.seed)
  if (file) print(`\n${ctx.t('timeline.written', { file: shownPath(file) })}`)
}
