import { openSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'

/**
 * Trace events of the cluster, in core's format (JSON lines in `PROCLAB_TRACE`, `t` in ms since the
 * epoch), so the harness's timeline shows which worker machine ran which task: every event carries
 * the worker's `host` beside its `pid`.
 */

const TRACE_ENV = 'PROCLAB_TRACE'
let fd: number | undefined | null

/** Appends `{ t, pid, ppid, name, host, event, …fields }`; does nothing unless `PROCLAB_TRACE` is set. */
export function traceEvent(event: string, fields: Record<string, unknown>): void {
  if (fd === undefined) fd = process.env[TRACE_ENV] ? openSync(process.env[TRACE_ENV]!, 'a') : null
  if (fd === null) return
  const line = { t: performance.timeOrigin + performance.now(), pid: process.pid, ppid: process.ppid, name: 'ClusterWorker', host: hostname(), event, ...fields }
  // One write(2) per event on an O_APPEND descriptor keeps lines whole across processes.
  writeSync(fd, JSON.stringify(line) + '\n')
}
