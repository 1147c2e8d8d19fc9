import { resolve } from 'node:path'
import { LessonFailure, renderTimelineText, type ProgramRun } from '@proclab/harness'
import type { Context } from '../context.ts'
import type { Lesson } from '../lessons.ts'
import { openFile } from '../terminal/open-file.ts'
import { shownPath } from '../terminal/shown-path.ts'
import { styleFor } from '../terminal/style.ts'
import { prepareTimelineFile, timelineTitle, tracedRun, writeTimelineHtml } from '../timeline.ts'
import type { Target } from '../vitest-runner.ts'

/** Options of {@link trace}. */
export interface TraceOptions {
  target: Target
  /** `--html FILE`: also write the timeline as a web page there. */
  html?: string | undefined
  /** `--open`: open the web page (written to `.proclab/timelines/NN.html` unless `--html` says where). */
  open: boolean
}

/** The terminal timeline is drawn this wide at most, and at least as wide as the harness can draw. */
const MAX_WIDTH = 160
const MIN_WIDTH = 40

/**
 * `proclab trace NN`: runs the lesson's program with tracing on, prints what it printed and a
 * timeline of its processes (who ran, waited, held a lock, and when), and can write the timeline as
 * a web page. Returns an exit code: 1 when the program could not be traced to its end.
 */
export async function trace(ctx: Context, lesson: Lesson, options: TraceOptions): Promise<number> {
  const { t } = ctx
  const file = options.target === 'solution' ? lesson.solution : lesson.exercise
  console.log(`${t('trace.running', { file: shownPath(file) })}\n`)
  let run: ProgramRun
  try {
    run = await tracedRun(ctx, lesson, options.target)
  } catch (error) {
    if (!(error instanceof LessonFailure)) throw error
    console.log(`${t('trace.failed')}\n\n${error.message}`)
    return 1
  }
  if (run.stdout) console.log(run.stdout.trimEnd())
  if (run.stderr) console.error(run.stderr.trimEnd())
  const processes = new Set(run.trace.map((event) => event.pid)).size
  console.log(`\n${t('trace.summary', { file: run.file, exitCode: run.exitCode, processes })}\n`)
  const width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, process.stdout.columns ?? 100))
  const color = styleFor(process.stdout).bold('x') !== 'x'
  console.log(renderTimelineText(run.trace, { width, color }))
  if (options.html === undefined && !options.open) return 0

  const page = options.html === undefined ? prepareTimelineFile(ctx.root, lesson) : resolve(options.html)
  writeTimelineHtml(page, run, timelineTitle(lesson))
  console.log(`\n${t('trace.wroteHtml', { file: shownPath(page) })}`)
  if (options.open) {
    console.log(t('trace.opening'))
    await openFile(page).catch((error: Error) => console.log(t('trace.cannotOpen', { reason: error.message, file: shownPath(page) })))
  }
  return 0
}
