import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { isRunning } from './pids.ts'

/**
 * Files a process removes when it exits (shared memory segments, its private folder with its socket
 * files) stay behind when it is killed with SIGKILL. Each is named after its creator's pid, so the
 * next process that makes one removes those of creators that no longer run.
 */

/**
 * Removes every entry of `folder` (a folder entry with all it holds) whose name matches `owned`
 * and whose creator, the pid `owned` captures first, no longer runs.
 */
export function removeOrphans(folder: string, owned: RegExp): void {
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch {
    return
  }
  for (const name of names) {
    const pid = owned.exec(name)?.[1]
    if (pid === undefined || isRunning(Number(pid))) continue
    try {
      rmSync(join(folder, name), { recursive: true, force: true })
    } catch {
      // Another user's, or removed meanwhile by another sweeper: not ours to insist on.
    }
  }
}
