import type { TraceEvent } from './trace.ts'

/** Who wrote a line: the process (and, when a worker thread wrote it, the thread). */
export interface LineAuthor {
  pid: number
  name: string
  /** The worker thread's id; absent for a process's main thread. */
  thread?: number
}

/**
 * Which process wrote a line, for checks that must know who did the work: `'main'` (the program's
 * own process), `'child'` (any other process), a process name (`'reader'`), a pid, or a test of the
 * author (`(author) => author.thread !== undefined` for a worker thread).
 */
export type AuthorSelector = 'main' | 'child' | string | number | ((author: LineAuthor) => boolean)

/**
 * The author of each stdout line of a run, by index (undefined where nothing traced it: a process that
 * does not load proclab). Every proclab process traces what it writes (`output` events); in the merged
 * output, a line is given to the process whose next unclaimed line it is, the earliest written first,
 * so identical lines from several processes are shared out in the order they were written.
 */
export function lineAuthors(lines: readonly string[], trace: readonly TraceEvent[]): (LineAuthor | undefined)[] {
  const pending = new Map<string, { author: LineAuthor; lines: { text: string; t: number }[] }>()
  const partial = new Map<string, string>()
  for (const event of trace) {
    if (event.event !== 'output' || event.stream !== 'stdout' || typeof event.text !== 'string') continue
    const thread = typeof event.thread === 'number' ? event.thread : undefined
    const key = `${event.pid}/${thread ?? ''}`
    const entry = pending.get(key) ?? { author: { pid: event.pid, name: event.name, ...(thread === undefined ? {} : { thread }) }, lines: [] }
    pending.set(key, entry)
    // A write may hold several lines, or part of one: lines end at '\n'.
    const parts = ((partial.get(key) ?? '') + event.text).split('\n')
    partial.set(key, parts.pop()!)
    for (const text of parts) entry.lines.push({ text, t: event.t })
  }
  for (const [key, rest] of partial) if (rest !== '') pending.get(key)!.lines.push({ text: rest, t: Infinity })

  const next = new Map<string, number>()
  return lines.map((line) => {
    let best: { key: string; t: number } | undefined
    for (const [key, entry] of pending) {
      const candidate = entry.lines[next.get(key) ?? 0]
      if (candidate?.text === line && (!best || candidate.t < best.t)) best = { key, t: candidate.t }
    }
    if (!best) return undefined
    next.set(best.key, (next.get(best.key) ?? 0) + 1)
    return pending.get(best.key)!.author
  })
}

/** Whether `author` is who `selector` names, in a program whose main process is `mainPid`. */
export function authorMatches(author: LineAuthor | undefined, selector: AuthorSelector, mainPid: number): boolean {
  if (!author) return false
  if (typeof selector === 'function') return selector(author)
  if (selector === 'main') return author.pid === mainPid && author.thread === undefined
  if (selector === 'child') return author.pid !== mainPid
  if (typeof selector === 'number') return author.pid === selector
  return author.name === selector
}
