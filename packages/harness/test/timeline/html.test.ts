// The measuring functions run inside Chromium, on its DOM.
/// <reference lib="dom" />
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { renderTimelineHtml, stillRunning } from '../../src/index.ts'
import { POOL_TRACE, STUCK_TRACE, traceOf, type Line } from './events.ts'

describe('renderTimelineHtml', () => {
  test('makes one page that needs nothing else: no scripts, no links, no images', () => {
    const html = renderTimelineHtml(POOL_TRACE)
    expect(html).toMatch(/^<!doctype html>\n<html lang="en"><head><meta charset="utf-8"\/><title>proclab timeline<\/title>/)
    expect(html).not.toMatch(/<script|<link|<img|src=|href=|url\(/)
    expect(html.match(/https?:\/\/[^"]*/g)).toEqual(['http://www.w3.org/2000/svg'])
  })

  test('escapes what the trace says, in text and in attributes', () => {
    const html = renderTimelineHtml(STUCK_TRACE.map((e) => (e.on ? { ...e, on: `${e.on} <"&'>` } : e)), { title: 'Lesson <3>' })
    expect(html).toContain('<title>Lesson &lt;3&gt;</title>')
    expect(html).toContain('data-on="join Process-1 &lt;&quot;&amp;&#39;&gt;"')
    expect(html).not.toContain(`<"&'>`)
  })

  test('an empty trace says there is nothing to draw', () => {
    expect(renderTimelineHtml([])).toContain('<p class="summary">No trace events: nothing to draw.')
  })

  test('a hot lock taken 20 000 times is drawn as bands that count its holds, so the page stays small', () => {
    // Lesson 12's shape: a worker adds to a counter under a lock, 20 000 holds of 5 µs, 10 µs apart, with a waiting process beside it.
    const holds = Array.from({ length: 20_000 }, (_, i): Line[] => [
      [10 + i * 0.01, 103, 'acquire', { id: 'lock-1', kind: 'Lock' }],
      [10.005 + i * 0.01, 103, 'release', { id: 'lock-1', kind: 'Lock' }],
    ])
    const trace = traceOf([0, 100, 'start'], [1, 103, 'spawn'], [5, 103, 'start'], ...holds.flat(), [300, 103, 'exit', { exitCode: 0 }], [310, 100, 'exit', { exitCode: 0 }])
    const html = renderTimelineHtml(trace)
    expect(html.length).toBeLessThan(50_000)
    const bands = [...html.matchAll(/data-kind="lock"[^>]*data-lock="lock-1" data-count="(\d+)"/g)].map((m) => Number(m[1]))
    expect(bands.reduce((sum, n) => sum + n, 0)).toBe(20_000)
    expect(html).toMatch(/holding lock lock-1 20000 times, 10\.0–210\.0 ms, 100 ms in all \(holds too short to draw one by one\)/)
  })

  test('the join proclab makes at exit is drawn apart (data-auto, its own colour, its own legend line); tasks carry their number from 1', () => {
    const trace = traceOf([0, 100, 'start'], [1, 103, 'spawn'], [5, 103, 'start'], [10, 100, 'block', { on: 'join Process-1', kind: 'join', auto: true }], [90, 103, 'exit', { exitCode: 0 }], [90, 100, 'unblock', { on: 'join Process-1', kind: 'join', auto: true }], [100, 100, 'exit', { exitCode: 0 }])
    const html = renderTimelineHtml(trace)
    expect(html).toMatch(/<rect class="kind-auto-join" data-pid="100" data-kind="wait"[^>]* data-on="join Process-1" data-auto="true"/)
    expect(html).toContain('the join at exit, made by proclab (no join() in your code)')
    expect(html).not.toContain('<li><svg width="14" height="12" aria-hidden="true"><rect class="kind-wait"')
    expect([...renderTimelineHtml(POOL_TRACE).matchAll(/data-task="(\d+)"/g)].map((m) => m[1]).sort()).toEqual(['1', '2', '3', '4', '5', '6'])
  })
})

const CHROMIUM = '/usr/bin/chromium'
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const hasChromium = existsSync(CHROMIUM)

/** What Chromium drew, measured in the page (boxes in CSS pixels). */
interface Drawn {
  svg: Box
  rows: { pid: string; label: string; labelBox: Box }[]
  rects: { kind: string; pid: string; rowPid: string; task: string | null; start: number; box: Box; tooltip: string }[]
}
interface Box {
  left: number
  right: number
  top: number
  bottom: number
  width: number
  height: number
}

async function measure(page: Page): Promise<Drawn> {
  return page.evaluate(() => {
    const box = (element: Element) => {
      const { left, right, top, bottom, width, height } = element.getBoundingClientRect()
      return { left, right, top, bottom, width, height }
    }
    const svg = document.querySelector('svg[role="img"]')!
    const rows = [...svg.querySelectorAll<SVGGElement>('g.process')].map((row) => ({ pid: row.dataset.pid!, label: row.querySelector('text.label')!.textContent!, labelBox: box(row.querySelector('text.label')!) }))
    const rects = [...svg.querySelectorAll<SVGRectElement>('rect[data-kind]')].map((rect) => ({
      kind: rect.dataset.kind!,
      pid: rect.dataset.pid!,
      rowPid: rect.closest<SVGGElement>('g.process')!.dataset.pid!,
      task: rect.dataset.task ?? null,
      start: Number(rect.dataset.start),
      box: box(rect),
      tooltip: rect.querySelector('title')?.textContent ?? '',
    }))
    return { svg: box(svg), rows, rects }
  })
}

describe.skipIf(!hasChromium)(`renderTimelineHtml, as Chromium draws it${hasChromium ? '' : ` (skipped: no ${CHROMIUM}; install it with \`apt-get install chromium\`)`}`, () => {
  let profile: string
  let context: BrowserContext
  let page: Page
  const requests: string[] = []

  const othersBefore = new Set(chromiumProcesses())

  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), 'proclab-chromium-'))
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
    page = await context.newPage()
    page.on('request', (request) => requests.push(request.url()))
  })

  afterAll(async () => {
    // The browser, its helpers and its crash handler (which is not its child): every Chromium process that was not there before.
    const ours = chromiumProcesses().filter((pid) => !othersBefore.has(pid))
    await context?.close()
    expect(ours.length, 'pids of the browser found').toBeGreaterThan(0)
    const deadline = Date.now() + 5000
    while (stillRunning(ours).length > 0 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50))
    const left = stillRunning(ours)
    rmSync(profile, { recursive: true, force: true })
    expect(left, 'Chromium processes left running').toEqual([])
  })

  test('draws one row per process, labelled with its pid and name, and fetches nothing', async () => {
    await page.setContent(renderTimelineHtml(POOL_TRACE, { title: 'Pool(2), six tasks' }))
    const drawn = await measure(page)
    expect(drawn.rows.map((row) => row.label)).toEqual(['100 MainProcess', '101 PoolWorker-1', '102 PoolWorker-2'])
    expect(await page.title()).toBe('Pool(2), six tasks')
    expect(requests).toEqual([])
  })

  test('draws each task as a visible rectangle inside the drawing, on its worker row, in time order, with its number in the tooltip', async () => {
    await page.setContent(renderTimelineHtml(POOL_TRACE))
    const drawn = await measure(page)
    const tasks = drawn.rects.filter((rect) => rect.kind === 'task')
    expect(tasks.map((rect) => `${rect.pid}:${rect.task}`).sort()).toEqual(['101:1', '101:3', '101:5', '102:2', '102:4', '102:6'])
    for (const rect of tasks) {
      expect(rect.box.width).toBeGreaterThan(0)
      expect(rect.box.left).toBeGreaterThanOrEqual(drawn.svg.left)
      expect(rect.box.right).toBeLessThanOrEqual(drawn.svg.right)
      expect(rect.box.top).toBeGreaterThanOrEqual(drawn.svg.top)
      expect(rect.box.bottom).toBeLessThanOrEqual(drawn.svg.bottom)
      // On the row of its own pid: inside that row's group, level with that row's label.
      const row = drawn.rows.find((r) => r.pid === rect.pid)!
      expect(rect.rowPid).toBe(rect.pid)
      expect(Math.abs(middle(rect.box) - middle(row.labelBox))).toBeLessThan(rect.box.height / 2)
      expect(rect.tooltip).toMatch(new RegExp(`^${row.label}: task ${rect.task} for `))
    }
    const byTime = [...tasks].sort((a, b) => a.start - b.start)
    expect(byTime.map((rect) => rect.box.left)).toEqual(byTime.map((rect) => rect.box.left).sort((a, b) => a - b))
    // Back to back on one worker: each task starts where the one before it ended.
    const worker = byTime.filter((rect) => rect.pid === '101')
    for (let i = 1; i < worker.length; i++) expect(worker[i]!.box.left).toBeCloseTo(worker[i - 1]!.box.right, 0)
  })

  test('draws waits, locks and a process that never exited', async () => {
    await page.setContent(renderTimelineHtml(STUCK_TRACE))
    const drawn = await measure(page)
    const kinds = (pid: string) => drawn.rects.filter((rect) => rect.pid === pid).map((rect) => rect.kind)
    expect(kinds('100')).toEqual(['run', 'wait'])
    expect(kinds('103')).toEqual(['starting', 'run', 'wait', 'lock'])
    const lock = drawn.rects.find((rect) => rect.kind === 'lock')!
    expect(lock.tooltip).toBe('103 Process-1: holding lock lock-7 for 175 ms, 25.0–200.0 ms (unfinished when the process or the trace ended)')
    expect(await page.locator('g.process[data-pid="100"] text.exit').textContent()).toBe('no exit')
  })

  test('takes a readable screenshot', async () => {
    await page.setViewportSize({ width: 1100, height: 360 })
    await page.setContent(renderTimelineHtml(POOL_TRACE))
    const file = join(profile, 'timeline.png')
    await page.screenshot({ path: file, fullPage: true })
    const png = readFileSync(file)
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(1000) // width, from the IHDR chunk
  })
})

function middle(box: Box): number {
  return (box.top + box.bottom) / 2
}

/** Pids of the processes whose command line mentions chromium. */
function chromiumProcesses(): number[] {
  try {
    return execFileSync('pgrep', ['-f', 'chromium'], { encoding: 'utf8' }).trim().split('\n').map(Number)
  } catch {
    return [] // pgrep exits 1 when nothing matches
  }
}
