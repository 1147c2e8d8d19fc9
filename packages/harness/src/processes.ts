import { readdirSync, readFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'

/** A process still running: its pid and command line, for messages. */
export interface LiveProcess {
  pid: number
  command: string
}

/** Processes whose process group is `pgid`: the program's whole tree, unless one detached itself. */
export function processGroupMembers(pgid: number): LiveProcess[] {
  if (process.platform === 'linux') return fromProc((stat) => stat.pgid === pgid)
  return fromPs(['-g', String(pgid)])
}

/** Those of `pids` that are still running (zombies count as gone). */
export function stillRunning(pids: Iterable<number>): LiveProcess[] {
  const wanted = new Set(pids)
  if (wanted.size === 0) return []
  if (process.platform === 'linux') return fromProc((stat) => wanted.has(stat.pid))
  return fromPs(['-p', [...wanted].join(',')])
}

/** Sends SIGKILL to each pid and to the group, ignoring processes that are already gone. */
export function killAll(pgid: number, pids: Iterable<number>): void {
  for (const target of [-pgid, ...pids]) {
    try {
      process.kill(target, 'SIGKILL')
    } catch {}
  }
}

interface Stat {
  pid: number
  pgid: number
  state: string
}

function fromProc(keep: (stat: Stat) => boolean): LiveProcess[] {
  const found: LiveProcess[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const stat = readStat(entry)
    if (!stat || stat.state === 'Z' || stat.state === 'X' || !keep(stat)) continue
    found.push({ pid: stat.pid, command: readCommand(entry) })
  }
  return found
}

function readStat(pid: string): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name is in parentheses and may itself contain spaces or parentheses.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
    return { pid: Number(pid), state: fields[0] ?? '', pgid: Number(fields[2]) }
  } catch {
    return undefined
  }
}

function readCommand(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim()
  } catch {
    return '?'
  }
}

function fromPs(selector: string[]): LiveProcess[] {
  try {
    const text = execFileSync('ps', ['-o', 'pid=,stat=,args=', ...selector], { encoding: 'utf8' })
    return text
      .split('\n')
      .map((line) => line.trim().match(/^(\d+)\s+(\S+)\s+(.*)$/))
      .filter((m): m is RegExpMatchArray => m !== null && !m[2]!.startsWith('Z'))
      .map((m) => ({ pid: Number(m[1]), command: m[3]! }))
  } catch {
    return [] // ps exits 1 when nothing matched
  }
}
