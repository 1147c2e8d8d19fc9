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
