import type { TraceEvent } from '../trace.ts'
import { axisTicks, tickLabel, tickStep } from './axis.ts'
import { CellScale } from './cells.ts'
import { harnessWords } from '../i18n/harness-messages.ts'
import { lockIds, meanings, NO_TRACE_EVENTS, onlyOneProcess, processLabel, shorten, STILL_WAITING, stillWaiting, taskMeaning } from './describe.ts'
import { buildTimeline, type ProcessTimeline, type Timeline } from './model.ts'
import { lockMarks, processMarks, SYMBOLS, WaitLetters, type Mark, type Style } from './text-row.ts'

/** Options of {@link renderTimelineText}. */
export interface TimelineTextOptions {
  /** Columns of the whole drawing, labels included. Default 80; at least 40. */
  width?: number
  /** Colour it with ANSI escapes, for a terminal. Default `false`. */
  color?: boolean
  /** Draw at most this many processes (the first to start); one line counts the rest. Default: all. */
  maxRows?: number
}

const DEFAULT_WIDTH = 80
const MIN_WIDTH = 40
const AXIS_TITLE = 'time (ms)'
const EXIT_TITLE = 'exit'
/** Labels longer than this are cut, so the chart keeps most of the width. */
const MAX_LABEL = 24
/** Columns per tick label, at most: room for `1250` and a gap. */
const COLUMNS_PER_TICK = 8
const ANSI: Record<Style, string> = { starting: '2', run: '32', wait: '33', 'auto-join': '2;33', task: '36', 'task-number': '1;36', lock: '35', failed: '31', unknown: '33', plain: '' }

/**
 * Draws a trace as a timeline for the terminal: a time axis, then one row per process (`pid name`)
 * showing when it was starting, running, waiting (a letter for what on), running pool tasks (the
 * task's number, then `#`) and holding locks, with its exit code at the right, and a legend.
 * @example
 * console.log(renderTimelineText(run.trace, { width: process.stdout.columns, color: process.stdout.isTTY }))
 */
export function renderTimelineText(events: readonly TraceEvent[], options: TimelineTextOptions = {}): string {
  const width = options.width ?? DEFAULT_WIDTH
  if (!Number.isInteger(width) || width < MIN_WIDTH) throw new RangeError(`renderTimelineText() needs \`width\` to be an integer of at least ${MIN_WIDTH}, got ${width}.`)
  const maxRows = options.maxRows ?? Infinity
  if (!(maxRows === Infinity || (Number.isInteger(maxRows) && maxRows > 0))) throw new RangeError(`renderTimelineText() needs \`maxRows\` to be a positive integer, got ${maxRows}.`)
  const timeline = buildTimeline(events)
  if (timeline.processes.length === 0) return NO_TRACE_EVENTS
  // One row shows nothing a timeline is for (who ran when, beside whom, waiting on whom), unless it was stuck.
  if (timeline.processes.length === 1 && stillWaiting(timeline.processes).length === 0) return onlyOneProcess(timeline.processes[0]!)
  return drawTimeline(timeline, width, maxRows).map((line) => toText(line, options.color ?? false)).join('\n')
}

/** The drawing's lines: the axis, a row per process (and per lock it held), the legend, the waits left open. */
function drawTimeline(timeline: Timeline, width: number, maxRows: number): Mark[][] {
  const shown = timeline.processes.slice(0, maxRows)
  const lockLabel = (id: string) => `  lock ${id}`
  const labels = shown.flatMap((p) => [processLabel(p), ...lockIds(p).map(lockLabel)])
  const labelWidth = Math.min(MAX_LABEL, Math.max(AXIS_TITLE.length, ...labels.map((l) => l.length)))
  const exitWidth = Math.max(EXIT_TITLE.length, ...shown.map((p) => exitText(p).length))
  const scale = new CellScale(width - labelWidth - exitWidth - 2, timeline.duration)
  const line = (label: string, cells: Mark[], exit: Mark = plain('')) => [...plainText(fit(label, labelWidth) + ' '), ...cells, ...plainText(' '.repeat(exitWidth - exit.char.length + 1)), exit]

  const letters = new WaitLetters()
  const [ticks, rule] = axis(scale, timeline.duration)
  const lines = [line(AXIS_TITLE, ticks), line('', rule, plain(EXIT_TITLE))]
  for (const process of shown) {
    lines.push(line(processLabel(process), processMarks(process, scale, letters), exitMark(process)))
    for (const id of lockIds(process)) lines.push(line(lockLabel(id), lockMarks(process.locks.filter((hold) => hold.id === id), scale)))
  }
  const hidden = timeline.processes.length - shown.length
  if (hidden > 0) lines.push(plainText(`… and ${hidden} more process${hidden === 1 ? '' : 'es'}`))
  lines.push(plainText(''), ...wrap(legend(shown, letters, lines), width), ...waitsLeft(shown, width))
  return lines
}

/** The tick labels and the rule under them, with `+` at each tick. */
function axis(scale: CellScale, duration: number): [Mark[], Mark[]] {
  const step = tickStep(duration, Math.floor(scale.width / COLUMNS_PER_TICK))
  const labels = Array.from({ length: scale.width }, () => ' ')
  const rule = Array.from({ length: scale.width }, () => '-')
  let free = 0
  for (const tick of axisTicks(duration, Math.floor(scale.width / COLUMNS_PER_TICK))) {
    const at = scale.cellAt(tick)
    rule[at] = '+'
    const label = tickLabel(tick, step)
    if (at < free || at + label.length > scale.width) continue
    labels.splice(at, label.length, ...label)
    free = at + label.length + 1
  }
  return [plainText(labels.join('')), plainText(rule.join(''))]
}

/** What each mark means: the fixed ones, then only those this drawing uses. */
function legend(shown: ProcessTimeline[], letters: WaitLetters, lines: Mark[][]): Mark[][] {
  const tooShort = lines.some((line) => line.some((mark) => mark.style === 'task-number' && mark.char === SYMBOLS.taskTooShort))
  // One mark per character, so that wrapping counts columns right.
  const item = (symbol: string, style: Style, meaning: string) => [...[...symbol].map((char): Mark => ({ char, style })), ...plainText(` ${meaning}`)]
  const example = shown.flatMap((p) => p.tasks)[0]?.number
  const taskItem = (task: number) => [...[...String(task)].map((char): Mark => ({ char, style: 'task-number' })), ...item(SYMBOLS.task.repeat(2), 'task', taskMeaning(task))]
  const autoJoin = lines.some((line) => line.some((mark) => mark.style === 'auto-join'))
  const t = harnessWords()
  const meaning = meanings()
  return [
    item(SYMBOLS.starting, 'starting', meaning.starting),
    item(SYMBOLS.run, 'run', meaning.run),
    ...(example === undefined ? [] : [taskItem(example)]),
    ...letters.entries().map(([kind, letter]) => item(letter, 'wait', t('legendWaitOn', { kind }))),
    ...(autoJoin ? [item(SYMBOLS.autoJoin, 'auto-join', meaning.autoJoin)] : []),
    ...(tooShort ? [item(SYMBOLS.taskTooShort, 'task-number', t('legendTooShort'))] : []),
    ...(shown.some((p) => p.locks.length > 0) ? [item(SYMBOLS.lock, 'lock', meaning.lock)] : []),
    ...(shown.some((p) => p.exitCode === null) ? [item('?', 'unknown', t('legendNoExit'))] : []),
  ]
}

function waitsLeft(shown: ProcessTimeline[], width: number): Mark[][] {
  const waits = stillWaiting(shown)
  return waits.length === 0 ? [] : [plainText(STILL_WAITING), ...waits.map((wait) => plainText(shorten(`  ${wait}`, width)))]
}

/** Lays legend items out on lines no wider than `width`. */
function wrap(items: Mark[][], width: number): Mark[][] {
  const lines: Mark[][] = []
  for (const item of items) {
    const last = lines.at(-1)
    if (last && last.length + 2 + item.length <= width) last.push(...plainText('  '), ...item)
    else lines.push(item.length <= width ? [...item] : [...item.slice(0, width - 1), plain('…')])
  }
  return lines
}

function exitText(process: ProcessTimeline): string {
  return process.exitCode === null ? '?' : String(process.exitCode)
}

function exitMark(process: ProcessTimeline): Mark {
  const style: Style = process.exitCode === null ? 'unknown' : process.exitCode === 0 ? 'plain' : 'failed'
  return { char: exitText(process), style }
}

/** `text` in exactly `width` columns: cut with `…`, or padded. */
function fit(text: string, width: number): string {
  return shorten(text, width).padEnd(width)
}

function plain(text: string): Mark {
  return { char: text, style: 'plain' }
}

function plainText(text: string): Mark[] {
  return [...text].map((char) => plain(char))
}

/** Joins marks into a string, with one ANSI escape per run of the same style when colouring. */
function toText(marks: Mark[], color: boolean): string {
  const end = marks.findLastIndex((mark) => mark.char.trim() !== '')
  let text = ''
  let style: Style = 'plain'
  for (const mark of marks.slice(0, end + 1)) {
    if (color && mark.style !== style) text += `\x1b[0${ANSI[mark.style] ? `;${ANSI[mark.style]}` : ''}m`
    style = mark.style
    text += mark.char
  }
  if (color && style !== 'plain') text += '\x1b[0m'
  return text
}
