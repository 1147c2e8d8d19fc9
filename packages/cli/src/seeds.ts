import type { Lesson } from './lessons.ts'
import { lessonPassed, testLesson, type LessonTestResult, type Target } from './vitest-runner.ts'

/**
 * The schedules a check runs under, in order: `undefined` is the default (no seeded delays), a number
 * replays that seed's schedule.
 */
export type SeedPlan = (number | undefined)[]

/**
 * The plan for `--seed N` (that seed alone) or `--seeds K` (seeds 1 to K), or the default schedule.
 * @example seedPlan({ seeds: 3 }) // [1, 2, 3]
 */
export function seedPlan(options: { seed?: number | undefined; seeds?: number | undefined }): SeedPlan {
  if (options.seed !== undefined) return [options.seed]
  if (options.seeds !== undefined) return Array.from({ length: options.seeds }, (_, i) => i + 1)
  return [undefined]
}

/**
 * Runs the lesson's test under each schedule of the plan in turn and returns the first failing run
 * (its `seed` says which schedule broke it), or the last run when all pass.
 * @example const result = await testUnderSeeds(lesson, 'solution', [undefined, 1, 2])
 */
export async function testUnderSeeds(
  lesson: Lesson,
  target: Target,
  plan: SeedPlan,
  signal?: AbortSignal,
  onRun?: (seed: number | undefined) => void,
): Promise<LessonTestResult> {
  let result: LessonTestResult | undefined
  for (const seed of plan) {
    onRun?.(seed)
    result = await testLesson(lesson, { target, seed, signal })
    if (result.cancelled || !lessonPassed(result)) break
  }
  if (!result) throw new RangeError('testUnderSeeds() needs at least one schedule in its plan: pass [undefined] for the default one.')
  return result
}

/** The command that replays a seed's schedule for one lesson. */
export function replayCommand(lesson: Lesson, target: Target, seed: number): string {
  return `npx proclab check ${lesson.number}${target === 'solution' ? ' --solution' : ''} --seed ${seed}`
}
