import { mkdirSync, writeFileSync, existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { SEED_ENV } from '@proclab/core/tooling'
import { renderTimelineHtml, runProgram, shownProgram, type ProgramRun } from '@proclab/harness'
import type { Context } from './context.ts'
import type { Lesson } from './lessons.ts'
import { STATE_DIR } from './progress.ts'
import type { Target } from './vitest-runner.ts'

/** A traced run for a timeline gets this long; a program that hangs has already said so in its check. */
const TRACED_RUN_TIMEOUT_MS = 15_000

/**
 * Runs the lesson's program (the learner's exercise, or the solution) as its test does, with tracing
 * on and under `seed` if given, and returns what it did, trace included.
 * @example const run = await tracedRun(ctx, lesson, 'starter'); console.log(run.trace.length)
 */
export function tracedRun(ctx: Context, lesson: Lesson, target: Target, seed?: number): Promise<ProgramRun> {
  const file = target === 'solution' ? lesson.solution : lesson.exercise
  return runProgram(file, {
    shownAs: shownProgram(ctx.root, file, target),
    timeout: TRACED_RUN_TIMEOUT_MS,
    ...(seed === undefined ? {} : { env: { [SEED_ENV]: String(seed) } }),
  })
}

/**
 * The lesson's timeline file, `.proclab/timelines/NN.html`, its folder made ready. Unlike progress,
 * timelines stay out of git (a `.gitignore` inside says so): they are redrawn at will.
 */
export function prepareTimelineFile(root: string, lesson: Lesson): string {
  const dir = join(root, STATE_DIR, 'timelines')
  mkdirSync(dir, { recursive: true })
  const ignore = join(dir, '.gitignore')
  if (!existsSync(ignore)) writeFileSync(ignore, '*\n')
  return join(dir, `${lesson.number}.html`)
}

/** Writes a run's timeline as a web page. */
export function writeTimelineHtml(file: string, run: ProgramRun, title: string): void {
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, renderTimelineHtml(run.trace, { title }))
}

/** The title of a lesson's timeline page. */
export function timelineTitle(lesson: Lesson): string {
  return `${lesson.number} · ${lesson.title}`
}

/**
 * After a failed check: runs the learner's program once more, traced (under the same seed), and
 * writes its timeline to `.proclab/timelines/NN.html`. Returns the file, or undefined when the run
 * could not be traced (it hung, or left processes behind: the check's message already says so).
 */
export async function writeFailureTimeline(ctx: Context, lesson: Lesson, seed?: number): Promise<string | undefined> {
  try {
    const run = await tracedRun(ctx, lesson, 'starter', seed)
    if (run.trace.length === 0) return undefined
    const file = prepareTimelineFile(ctx.root, lesson)
    writeTimelineHtml(file, run, timelineTitle(lesson))
    return file
  } catch {
    return undefined
  }
}
