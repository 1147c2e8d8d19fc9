import { fileURLToPath } from 'node:url'
import { realpathSync } from 'node:fs'
import { inspect } from 'node:util'
import { isRunning } from './pids.ts'
import { isChild } from './spawn/child-flag.ts'
import { initTracing, trace } from './trace.ts'

/** What every process object exposes about itself: the main process, a child, a pool worker. */
export interface ProcessInfo {
  readonly name: string
  readonly pid: number | undefined
  readonly daemon: boolean
  /** Python's `_identity`: `[]` in the main process, `[1]` for Process-1, `[1, 2]` for its second child. */
  readonly identity: readonly number[]
}


/** The main process, as `currentProcess()` shows it there. */
class MainProcess implements ProcessInfo {
  readonly name = 'MainProcess'
  readonly daemon = false
  readonly identity: readonly number[] = []
  get pid(): number {
    return process.pid
  }
  toString(): string {
    return `<MainProcess name='MainProcess' parent=None started>`
  }
  [inspect.custom](): string {
    return this.toString()
  }
}

/** The process that started this one, as `parentProcess()` shows it. */
export class ParentProcess {
  constructor(
    readonly name: string,
    readonly pid: number,
  ) {}
  /** Whether the parent is still running. */
  isAlive(): boolean {
    return isRunning(this.pid)
  }
  toString(): string {
    return `<ParentProcess name='${this.name}' pid=${this.pid} parent=None ${this.isAlive() ? 'started' : 'stopped'}>`
  }
  [inspect.custom](): string {
    return this.toString()
  }
}

let self: ProcessInfo = new MainProcess()
let parent: ParentProcess | null = null
let childrenCreated = 0

initTracing(() => ({ pid: process.pid, ppid: process.ppid, name: self.name }))

/** In a child: makes `process` the current process, child of `parentInfo`. */
export function becomeChild(process: ProcessInfo, parentInfo: ParentProcess): void {
  self = process
  parent = parentInfo
}

/**
 * The process this code runs in: `MainProcess` in the main program, the `Process` object in a child.
 * @example mp.currentProcess().name // 'Process-1' inside the first child
 */
export function currentProcess(): ProcessInfo {
  return self
}

/**
 * The process that started this one, or `null` in the main process.
 * @example mp.parentProcess()?.pid === process.ppid
 */
export function parentProcess(): ParentProcess | null {
  return parent
}

/** The identity of the next child this process creates: `[...own identity, n]`. */
export function nextChildIdentity(): number[] {
  return [...self.identity, ++childrenCreated]
}

/**
 * Python's `if __name__ == '__main__'`: true only in the program's entry module of the process the
 * user started, so the guarded code never runs again when a child re-imports the module.
 * @example
 * if (mp.isMain(import.meta)) { new mp.Process({ target: work }).start() }
 */
export function isMain(meta: ImportMeta): boolean {
  if (isChild()) return false
  const main = (meta as ImportMeta & { main?: unknown }).main
  const entry = process.argv[1]
  const result = typeof main === 'boolean' ? main : Boolean(entry && meta.url.startsWith('file:') && sameFile(fileURLToPath(meta.url), entry))
  if (result) traceMainProcess()
  return result
}

let mainTraced = false
/** The program's own start and exit, traced once its entry module is known (not at import time: a worker thread, or a child still loading, imports proclab too). */
function traceMainProcess(): void {
  if (mainTraced) return
  mainTraced = true
  trace('start')
  process.once('exit', (code) => trace('exit', { exitCode: code }))
}

function sameFile(modulePath: string, entry: string): boolean {
  const real = (path: string) => {
    try {
      return realpathSync(path)
    } catch {
      return path
    }
  }
  const module = real(modulePath)
  // `node script` may name the entry without its extension.
  return module === real(entry) || module.replace(/\.[cm]?[jt]sx?$/, '') === real(entry)
}

