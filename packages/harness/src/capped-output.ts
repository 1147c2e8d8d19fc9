import { harnessWords } from './i18n/harness-messages.ts'

/** Lines of program output a failure shows at most, from the start and from the end, once repeats are collapsed. */
export const OUTPUT_HEAD_LINES = 20
export const OUTPUT_TAIL_LINES = 10
/** Consecutive lines of one shape (the same but for their numbers) collapse once there are this many. */
export const REPEAT_RUN_LINES = 5
/** Of a collapsed run, the first lines kept and the last one, so the learner sees how it went on and how it ended. */
const REPEAT_HEAD = 2
const REPEAT_TAIL = 1

/**
 * A program's output as a failure shows it: a run of lines that differ only in their numbers
 * (`heartbeat 7`, `heartbeat 8`, …) shortened to its first lines, a count and its last line, then the
 * whole cut in the middle if it is still long, so that the failure's own words stay on screen.
 * @example capOutput(['start', ...Array.from({ length: 30 }, (_, i) => `beat ${i}`)]) // ['start', 'beat 0', 'beat 1', '… 27 more lines like these …', 'beat 29']
 */
export function capOutput(lines: readonly string[]): string[] {
  const collapsed = collapseRepeats(lines)
  if (collapsed.length <= OUTPUT_HEAD_LINES + OUTPUT_TAIL_LINES) return collapsed
  const hidden = collapsed.length - OUTPUT_HEAD_LINES - OUTPUT_TAIL_LINES
  return [...collapsed.slice(0, OUTPUT_HEAD_LINES), harnessWords()('moreLines', { count: hidden }), ...collapsed.slice(-OUTPUT_TAIL_LINES)]
}

function collapseRepeats(lines: readonly string[]): string[] {
  const shown: string[] = []
  for (let start = 0; start < lines.length; ) {
    let end = start + 1
    while (end < lines.length && shapeOf(lines[end]!) === shapeOf(lines[start]!)) end++
    const run = lines.slice(start, end)
    if (run.length < REPEAT_RUN_LINES) shown.push(...run)
    else shown.push(...run.slice(0, REPEAT_HEAD), harnessWords()('similarLines', { count: run.length - REPEAT_HEAD - REPEAT_TAIL }), ...run.slice(-REPEAT_TAIL))
    start = end
  }
  return shown
}

/** A line without its numbers: `heartbeat 7 pid=4242` and `heartbeat 8 pid=4242` have one shape. */
function shapeOf(line: string): string {
  return line.replace(/\d+/g, '#')
}
