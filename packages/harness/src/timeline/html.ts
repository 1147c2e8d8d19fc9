import type { TraceEvent } from '../trace.ts'
import { axisTicks, formatDuration, tickLabel, tickStep } from './axis.ts'
import { bandsOf, segmentBands, timeByKind, type Band } from './bands.ts'
import { harnessWords } from '../i18n/harness-messages.ts'
import { describeCrowd, describeLock, describeLockBand, describeSegment, exitLabel, isAutoJoin, lockIds, MARK_KINDS, meanings, NO_TRACE_EVENTS, type MarkKind, processLabel, shorten, STILL_WAITING, stillWaiting, taskMeaning } from './describe.ts'
import { element, escapeMarkup, type Attributes } from './markup.ts'
import { buildTimeline, type ProcessTimeline, type Timeline } from './model.ts'
import type { Segment, SegmentKind } from './segments.ts'

/** Options of {@link renderTimelineHtml}. */
export interface TimelineHtmlOptions {
  /** The page's title and heading. Default `proclab timeline`. */
  title?: string
}

/** Pixel layout of the drawing. */
const LAYOUT = {
  chartWidth: 760,
  /** Room right of the chart for the last process's exit label. */
  rightMargin: 80,
  axisHeight: 34,
  rowHeight: 30,
  barTop: 4,
  barHeight: 18,
  /** Baseline of the text on a row, from the row's top. */
  textBaseline: 17,
  lockTop: 24,
  lockHeight: 4,
  /** Per character of a row label (monospace), to size the label column. */
  labelCharWidth: 7.2,
  minLabelWidth: 120,
  maxLabelWidth: 260,
  /** A segment this short is still drawn this wide, so it can be seen and hovered. */
  minRectWidth: 1,
  /** Pixels per tick label, at most, on the time axis. */
  pixelsPerTick: 70,
}

/** What a rectangle's `data-kind` says it is, for tests and tools. */
type Kind = SegmentKind | 'lock'

/** Fill colours, once: the drawing and the legend use the same CSS classes. */
const COLORS: Record<SegmentKind | 'lock' | 'task-alt' | 'auto-join', string> = {
  starting: '#cfd4dc',
  run: '#7cc47f',
  wait: '#f2c14e',
  'auto-join': '#f8e2a6',
  task: '#3b7dd8',
  'task-alt': '#24579f',
  lock: '#b04fc8',
}

const STYLE = `
body { font: 14px system-ui, sans-serif; margin: 24px; color: #1d2330; }
h1 { font-size: 20px; margin: 0 0 4px; }
p.summary { margin: 0 0 16px; color: #555e6e; }
svg text { font: 12px ui-monospace, monospace; }
svg .axis text { fill: #555e6e; }
svg .axis line { stroke: #e3e6ea; }
svg .label { fill: #1d2330; }
svg .exit { fill: #555e6e; }
svg .exit.failed { fill: #c62828; font-weight: bold; }
svg .stripe { fill: #f6f7f9; }
svg .on-bar { fill: #fff; pointer-events: none; }
svg .on-bar.dark { fill: #1d2330; }
svg rect[data-kind]:hover { stroke: #1d2330; stroke-width: 1.5; }
${Object.entries(COLORS)
  .map(([kind, color]) => `.kind-${kind} { fill: ${color}; }`)
  .join('\n')}
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 6px 18px; }
ul.legend svg { vertical-align: -2px; margin-right: 6px; }
ul.still-waiting { font-family: ui-monospace, monospace; }
`

/**
 * Draws a trace as one self-contained HTML page (inline SVG, no scripts, nothing fetched): a row per
 * process, a rectangle per stretch of starting, running, waiting or pool task (hover one for what it
 * was), locks held under it, exit codes, a time axis in ms and a legend. Every rectangle carries
 * `data-pid`, `data-kind` (`starting`, `run`, `wait`, `task` or `lock`), `data-start` and `data-end`
 * (ms), and `data-task`, `data-on` or `data-lock` as fits.
 * @example
 * writeFileSync('timeline.html', renderTimelineHtml(run.trace, { title: 'Lesson 15' }))
 */
export function renderTimelineHtml(events: readonly TraceEvent[], options: TimelineHtmlOptions = {}): string {
  const title = options.title ?? 'proclab timeline'
  const timeline = buildTimeline(events)
  const body =
    timeline.processes.length === 0
      ? element('p', { class: 'summary' }, escapeMarkup(NO_TRACE_EVENTS))
      : element('p', { class: 'summary' }, escapeMarkup(summary(timeline))) + drawing(timeline) + legend(timeline) + waitsLeft(timeline)
  return `<!doctype html>\n${element(
    'html',
    { lang: 'en' },
    element('head', {}, element('meta', { charset: 'utf-8' }), element('title', {}, escapeMarkup(title)), element('style', {}, STYLE)),
    element('body', {}, element('h1', {}, escapeMarkup(title)), body),
  )}\n`
}

function summary(timeline: Timeline): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`
  const tasks = timeline.processes.reduce((sum, p) => sum + p.tasks.length, 0)
  return [count(timeline.processes.length, 'process', 'processes'), formatDuration(timeline.duration), ...(tasks > 0 ? [count(tasks, 'pool task', 'pool tasks')] : [])].join(' · ')
}

function drawing(timeline: Timeline): string {
  const labelWidth = Math.min(LAYOUT.maxLabelWidth, Math.max(LAYOUT.minLabelWidth, ...timeline.processes.map((p) => (processLabel(p).length + 2) * LAYOUT.labelCharWidth)))
  const perMs = timeline.duration > 0 ? LAYOUT.chartWidth / timeline.duration : 0
  // Two decimals are finer than any screen and keep the file small.
  const x = (time: number) => Math.round((labelWidth + time * perMs) * 100) / 100
  const width = labelWidth + LAYOUT.chartWidth + LAYOUT.rightMargin
  const height = LAYOUT.axisHeight + timeline.processes.length * LAYOUT.rowHeight + 8
  const labelChars = Math.floor(labelWidth / LAYOUT.labelCharWidth) - 2
  // Anything closer together than a pixel is drawn as one band (a hot lock is taken thousands of times).
  const pixel = timeline.duration / LAYOUT.chartWidth
  const rows = timeline.processes.map((p, i) => processRow(p, i, LAYOUT.axisHeight + i * LAYOUT.rowHeight, { x, pixel }, width, labelChars))
  return element(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'Timeline of the traced processes' },
    axis(timeline.duration, x, height),
    ...rows,
  )
}

function axis(duration: number, x: (time: number) => number, height: number): string {
  const maxTicks = Math.floor(LAYOUT.chartWidth / LAYOUT.pixelsPerTick)
  const step = tickStep(duration, maxTicks)
  const ticks = axisTicks(duration, maxTicks).map((tick) =>
    element(
      'g',
      {},
      element('line', { x1: x(tick), x2: x(tick), y1: LAYOUT.axisHeight - 8, y2: height }),
      element('text', { x: x(tick), y: LAYOUT.axisHeight - 14, 'text-anchor': 'middle' }, tickLabel(tick, step)),
    ),
  )
  return element('g', { class: 'axis' }, element('text', { x: 8, y: LAYOUT.axisHeight - 14 }, 'time (ms)'), ...ticks)
}

/** Where times fall on the drawing: `x` of a time, and how many ms one pixel spans. */
interface Scale {
  x: (time: number) => number
  pixel: number
}

function processRow(process: ProcessTimeline, index: number, top: number, { x, pixel }: Scale, width: number, labelChars: number): string {
  const label = processLabel(process)
  const baseline = top + LAYOUT.textBaseline
  /** A rectangle: `look` is its colour class, `kind` the `data-kind` tools read. */
  const rect = (look: string, kind: Kind, span: { start: number; end: number }, tooltip: string, extra: Attributes, y = top + LAYOUT.barTop, h = LAYOUT.barHeight) =>
    element(
      'rect',
      { class: `kind-${look}`, 'data-pid': process.pid, 'data-kind': kind, 'data-start': span.start.toFixed(3), 'data-end': span.end.toFixed(3), ...extra, x: x(span.start), y, width: Math.max(LAYOUT.minRectWidth, Math.round((x(span.end) - x(span.start)) * 100) / 100), height: h },
      element('title', {}, escapeMarkup(`${label}: ${tooltip}`)),
    )
  const segment = (segment: Segment) => {
    const extra: Attributes = segment.kind === 'task' ? { 'data-task': segment.task!.number } : segment.kind === 'wait' ? { 'data-on': segment.waits.map((w) => w.on).join('; '), 'data-auto': isAutoJoin(segment) ? 'true' : undefined } : {}
    // Every other task of a row in a darker blue, so back-to-back tasks read as separate ones.
    const look = segment.kind === 'task' && process.tasks.indexOf(segment.task!) % 2 === 1 ? 'task-alt' : isAutoJoin(segment) ? 'auto-join' : segment.kind
    return rect(look, segment.kind, segment, describeSegment(segment), extra) + barText(segment, x, baseline)
  }
  const crowd = (band: Band<Segment>) => {
    const [kind] = timeByKind(band)[0]!
    return rect(kind, kind, band, describeCrowd(band), { 'data-count': band.members.length })
  }
  const segments = segmentBands(process.segments, pixel).map((band) => (band.members.length === 1 ? segment(band.members[0]!) : crowd(band)))
  const lockRow = (hold: { start: number; end: number }, tooltip: string, extra: Attributes) => rect('lock', 'lock', hold, tooltip, extra, top + LAYOUT.lockTop, LAYOUT.lockHeight)
  const locks = lockIds(process).flatMap((id) =>
    bandsOf(process.locks.filter((hold) => hold.id === id), pixel).map((band) =>
      band.members.length === 1 ? lockRow(band.members[0]!, describeLock(band.members[0]!), { 'data-lock': id }) : lockRow(band, describeLockBand(band, id), { 'data-lock': id, 'data-count': band.members.length }),
    ),
  )
  const failed = process.exitCode !== null && process.exitCode !== 0
  return element(
    'g',
    { class: 'process', 'data-pid': process.pid, 'data-name': process.name, 'data-row': index, 'data-exit-code': process.exitCode ?? undefined },
    ...(index % 2 === 1 ? [element('rect', { class: 'stripe', x: 0, y: top, width, height: LAYOUT.rowHeight })] : []),
    element('text', { class: 'label', x: 8, y: baseline }, escapeMarkup(shorten(label, labelChars))),
    ...segments,
    ...locks,
    element('text', { class: failed ? 'exit failed' : 'exit', x: x(process.end) + 6, y: baseline }, escapeMarkup(exitLabel(process))),
  )
}

/** A task's number, or what a wait is on, written on its rectangle when it fits. */
function barText(segment: Segment, x: (time: number) => number, baseline: number): string {
  const text = segment.kind === 'task' ? String(segment.task!.number) : segment.kind === 'wait' ? (isAutoJoin(segment) ? 'join at exit' : segment.waits[0]!.kind) : ''
  const room = x(segment.end) - x(segment.start)
  if (!text || room < text.length * LAYOUT.labelCharWidth + 4) return ''
  const middle = (x(segment.start) + x(segment.end)) / 2
  return element('text', { class: segment.kind === 'task' ? 'on-bar' : 'on-bar dark', x: middle, y: baseline, 'text-anchor': 'middle' }, escapeMarkup(text))
}

/** What each colour means, for the kinds the drawing shows. */
function legend(timeline: Timeline): string {
  const meaning = meanings()
  const shown = new Set<MarkKind>(
    timeline.processes.flatMap((p) => [...p.segments.map((s) => (isAutoJoin(s) ? 'autoJoin' : s.kind)), ...(p.locks.length > 0 ? ['lock' as const] : [])]),
  )
  const swatch = (kind: string) => element('svg', { width: 14, height: 12, 'aria-hidden': 'true' }, element('rect', { class: `kind-${kind}`, width: 14, height: 12 }))
  const look = (kind: MarkKind) => (kind === 'autoJoin' ? 'auto-join' : kind)
  const items = MARK_KINDS.filter((kind) => shown.has(kind)).map((kind) => element('li', {}, swatch(look(kind)), escapeMarkup(meaning[kind])))
  const tasks = timeline.processes.flatMap((p) => p.tasks)
  const numbering = tasks.length > 0 ? [element('li', {}, escapeMarkup(taskMeaning(tasks[0]!.number)))] : []
  return element('ul', { class: 'legend' }, ...items, ...numbering, element('li', {}, escapeMarkup(harnessWords()('legendHover'))))
}

function waitsLeft(timeline: Timeline): string {
  const waits = stillWaiting(timeline.processes)
  if (waits.length === 0) return ''
  return element('p', {}, escapeMarkup(STILL_WAITING)) + element('ul', { class: 'still-waiting' }, ...waits.map((wait) => element('li', {}, escapeMarkup(wait))))
}
