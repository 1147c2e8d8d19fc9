import { readFileSync } from 'node:fs'
import type { TraceEvent } from '@proclab/core/tooling'

/** One line of a `PROCLAB_TRACE` file, as core writes it (see SPEC *Tracing*). */
export type { TraceEvent }

/** Reads a trace file; a missing file (tracing never started) is an empty trace. */
export function readTrace(file: string): TraceEvent[] {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return []
  }
  const events: TraceEvent[] = []
  for (const line of text.split('\n')) {
    // A process killed mid-write can leave a torn last line: skip what does not parse.
    if (!line.trim()) continue
    try {
      events.push(JSON.parse(line) as TraceEvent)
    } catch {}
  }
  return events.sort((a, b) => a.t - b.t)
}

/**
 * The trace, with the program's own exit added when the program did not trace it. proclab traces the
 * main process's start and exit from `isMain()`, so a program that never calls it (its `isMain` guard
 * forgotten) leaves its main process with no exit, though the harness saw it end with `exitCode`. The
 * added event says who saw it: `seenBy: 'harness'`.
 * @example const trace = withProgramExit(readTrace(file), run.pid, run.exitCode)
 */
export function withProgramExit(events: TraceEvent[], pid: number, exitCode: number): TraceEvent[] {
  const own = events.filter((event) => event.pid === pid)
  if (own.length === 0 || own.some((event) => event.event === 'exit')) return events
  const end = events.reduce((latest, event) => Math.max(latest, event.t), -Infinity)
  return [...events, { t: end, pid, ppid: own[0]!.ppid, name: own[0]!.name, event: 'exit', exitCode, seenBy: 'harness' }]
}

/** What each process was last seen waiting on (a `block` with no later `unblock`), by pid. */
export function pendingWaits(events: TraceEvent[]): Map<number, TraceEvent> {
  const waiting = new Map<number, TraceEvent>()
  for (const event of events) {
    // proclab's own waits (a pool reading replies) are never what a program is stuck on.
    if (event.internal === true) continue
    if (event.event === 'block') waiting.set(event.pid, event)
    else if (event.event === 'unblock' || event.event === 'exit') waiting.delete(event.pid)
  }
  return waiting
}

/** What a `block` or `unblock` event says is waited on: `join Process-1`, `get Queue 3`… */
export function waitTarget(event: TraceEvent): string {
  if (typeof event.on === 'string') return event.on
  if (event.on !== undefined) return JSON.stringify(event.on)
  return typeof event.kind === 'string' ? event.kind : 'something unnamed'
}
