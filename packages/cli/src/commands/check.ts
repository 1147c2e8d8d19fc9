import type { Context } from '../context.ts'
import type { Lesson } from '../lessons.ts'
import { recordCheck } from '../progress.ts'
import { interruptible } from '../interrupt.ts'
import { formatCheckReport, mentionTimeline, whatNext } from '../report/check-report.ts'
import { testUnderSeeds, type SeedPlan } from '../seeds.ts'
import { styleFor } from '../terminal/style.ts'
import { lessonPassed, lessonSkipped, type Target } from '../vitest-runner.ts'

/** Options of {@link check}. */
export interface CheckOptions {
  /** The schedules to run under (`--seed N`, `--seeds K`, or the default one). */
  plan: SeedPlan
  /** `solution` checks the reference answer instead (for authors); it is not recorded as progress. */
  target: Target
}

/**
 * `proclab check NN`: runs the lesson's test on the learner's exercise, shows the first failure first,
 * and records the result. Returns an exit code: 0 when it passed.
 */
export async function check(ctx: Context, lesson: Lesson, options: CheckOptions): Promise<number> {
  const { t } = ctx
  const { plan, target } = options
  const style = styleFor(process.stdout)
  const what = target === 'solution' ? t('check.theSolution') : t('check.yourExercise')
  console.log(t('check.start', { number: lesson.number, title: lesson.title, what }))
  const seeded = plan.filter((seed): seed is number => seed !== undefined)
  if (seeded.length > 0) console.log(t('check.seeds', { seeds: seeded.join(', ') }))
  const { value: result, exitCode: interrupted } = await interruptible((signal) => testUnderSeeds(lesson, target, plan, signal))
  if (interrupted !== undefined) return interrupted
  const passed = lessonPassed(result)
  console.log(`\n${formatCheckReport(ctx, lesson, result, target, style)}`)
  // A lesson that could not run here has neither passed nor failed: nothing is recorded, and it is no pass.
  if (lessonSkipped(result) !== undefined) {
    if (target === 'starter') console.log(`\n${t('next.skipped', { number: lesson.number })}`)
    return 1
  }
  if (target === 'starter') recordCheck(ctx.root, lesson.id, passed)
  if (target === 'starter') {
    if (!passed) await mentionTimeline(ctx, lesson, result, (line) => console.log(line))
    console.log(`\n${whatNext(ctx, lesson, passed, false)}`)
  }
  return passed ? 0 : 1
}
