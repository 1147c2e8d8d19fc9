import type { ProgramRun } from './run.ts'
import type { LiveProcess } from './processes.ts'
import { pendingWaits, waitTarget, type TraceEvent } from './trace.ts'
import { renderTimelineText } from './timeline/text.ts'
import { harnessWords } from './i18n/harness-messages.ts'
import { capOutput } from './capped-output.ts'

/** Processes drawn in a failure's timeline; the others are only counted. */
export const TIMELINE_MAX_ROWS = 12

/**
 * A lesson check that failed. Its message leads with what the learner probably got wrong,
 * then shows what was expected, what happened, and the program's own output.
 */
export class LessonFailure extends Error {
  readonly code: string
  constructor(message: string, code = 'ERR_LESSON_CHECK') {
    super(message)
    this.code = code
  }

  /** The program ran past its time limit. */
  static timeout(context: { file: string; timeout: number; alive: LiveProcess[]; trace: TraceEvent[]; stdout: string; stderr: string; hint?: string | undefined }): LessonFailure {
    const t = harnessWords()
    const waits = pendingWaits(context.trace)
    const names = new Map(context.trace.map((e) => [e.pid, e.name]))
    const alive = context.alive
      .map((p) => {
        const wait = waits.get(p.pid)
        // A proclab child has trace events; the spare (and tsx's esbuild) have none.
        const doing = wait ? t('waitingOn', { target: waitTarget(wait) }) : ((!names.has(p.pid) && toolingLabel(p.command)) || t('running'))
        return `  pid ${p.pid} ${names.get(p.pid) ?? p.command}: ${doing}`
      })
      .join('\n')
    const hint = (context.hint ? `${context.hint}\n\n` : '') + t('timeout', { timeout: context.timeout })
    return new LessonFailure(
      `${hint}\n\n${t('stillRunningWhenStopped')}\n${alive || `  ${t('nothingRunning')}`}\n\n` +
        formatOutput(context.file, undefined, context.stdout, context.stderr, context.trace),
      'ERR_LESSON_TIMEOUT',
    )
  }

  /** The program exited but some of its processes did not. */
  static leftovers(run: ProgramRun, leftovers: LiveProcess[], hint?: string): LessonFailure {
    const t = harnessWords()
    const names = new Map(run.trace.map((e) => [e.pid, e.name]))
    const list = leftovers.map((p) => ['  pid', p.pid, names.get(p.pid), p.command].filter(Boolean).join(' ')).join('\n')
    return new LessonFailure(
      `${hint ?? t('leftovers')}\n\n${t('stillRunningAfterExit')}\n${list}\n\n${formatRun(run)}`,
      'ERR_LESSON_LEFTOVERS',
    )
  }
}

/** Processes of the tree that are proclab's or tsx's, not the learner's. */
function toolingLabel(command: string): string | undefined {
  if (/esbuild.* --service/.test(command)) return harnessWords()('esbuild')
  if (/core\/dist\/bootstrap\.js/.test(command)) return harnessWords()('spare')
  return undefined
}

/**
 * The program's output, capped, with a heading saying which program ran and how it ended, then a
 * timeline of its processes when it was traced.
 */
export function formatRun(run: ProgramRun): string {
  return formatOutput(run.file, run.exitCode, run.stdout, run.stderr, run.trace)
}

function formatOutput(file: string, exitCode: number | undefined, stdout: string, stderr: string, trace: TraceEvent[]): string {
  const t = harnessWords()
  const ended = exitCode === undefined ? t('stopped') : t('exitCode', { code: exitCode })
  const timeline = trace.length > 0 ? [`${t('timeline')}\n${renderTimelineText(trace, { maxRows: TIMELINE_MAX_ROWS })}`] : []
  return [t('program', { file, ended }), section('stdout', stdout), section('stderr', stderr), ...timeline].join('\n')
}

function section(title: string, text: string): string {
  const lines = text.replace(/\n$/, '').split('\n')
  if (text === '') return harnessWords()('emptyOutput', { stream: title })
  return `── ${title} ──\n${capOutput(lines).join('\n')}`
}
