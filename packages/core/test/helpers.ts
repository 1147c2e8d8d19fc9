import { readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import * as mp from '@proclab/core'

/** Starts a process on `target` with `args`. */
export function start(target: (...args: any[]) => unknown, ...args: unknown[]): mp.Process {
  const p = new mp.Process({ target, args })
  p.start()
  return p
}

/** After each test, kills what it left running, so that a failing test leaks no process. */
export function killLeftoversAfterEach(): void {
  afterEach(async () => {
    for (const child of mp.activeChildren()) {
      child.kill()
      await child.join()
    }
  })
}

/**
 * What process `pid` has in the places shared memory lives (core's README, Platforms): its segment
 * files in /dev/shm, and its private folder in the temp folder (the portable mode) with what it holds.
 */
export function sharedMemoryFilesOf(pid: number): string[] {
  const segments = readdirSync('/dev/shm').filter((name) => name.startsWith(`proclab-${pid}-`)).map((name) => join('/dev/shm', name))
  const folders = readdirSync(tmpdir()).filter((name) => new RegExp(`^proclab-pid${pid}-[A-Za-z0-9]{6}$`).test(name)).map((name) => join(tmpdir(), name))
  return [...segments, ...folders.flatMap((folder) => [folder, ...readdirSync(folder).map((name) => join(folder, name))])]
}

/**
 * Matches the path of a shared memory segment's file made by process `pid` (by any process when
 * omitted), where either mode puts it: `/dev/shm/proclab-<pid>-<n>`, or `shm-<n>` in its private folder.
 */
export function segmentPath(pid?: number): RegExp {
  const owner = pid === undefined ? '\\d+' : String(pid)
  const temp = tmpdir().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`/dev/shm/proclab-${owner}-\\d+|${temp}/proclab-pid${owner}-[A-Za-z0-9]{6}/shm-\\d+`)
}
