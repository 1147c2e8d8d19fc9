import { execFileSync } from 'node:child_process'

/** After SIGTERM, how long a process tree gets to stop on its own before SIGKILL. */
export const STOP_GRACE_MS = 1500

/** The pids of `pid`'s descendants (its children, their children…), from `ps`; empty if `ps` fails. */
export function descendantsOf(pid: number): number[] {
  let table: string
  try {
    table = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  } catch {
    return []
  }
  const children = new Map<number, number[]>()
  for (const line of table.split('\n')) {
    const [child, parent] = line.trim().split(/\s+/).map(Number)
    if (child === undefined || parent === undefined || Number.isNaN(child)) continue
    children.set(parent, [...(children.get(parent) ?? []), child])
  }
  const found: number[] = []
  for (let queue = [pid]; queue.length > 0; ) {
    const next = children.get(queue.shift()!) ?? []
    found.push(...next)
    queue.push(...next)
  }
  return found
}

/**
 * Stops a process and everything it started: SIGTERM to all of them now, SIGKILL to any still there
 * after {@link STOP_GRACE_MS}. The tree is read first, while the parents are alive to tell who is whose.
 */
export function stopTree(pid: number): void {
  const tree = [pid, ...descendantsOf(pid)]
  const signalAll = (signal: NodeJS.Signals) => {
    for (const member of tree) {
      try {
        process.kill(member, signal)
      } catch {} // already gone
    }
  }
  signalAll('SIGTERM')
  setTimeout(() => signalAll('SIGKILL'), STOP_GRACE_MS).unref()
}
