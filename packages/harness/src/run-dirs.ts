import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stillRunning } from './processes.ts'

// A run's folder is named after the process that made it, so that one left by a process that was
// killed before it could clean up (a SIGKILLed test run) is recognised and removed by the next run.
const PREFIX = 'proclab-run-'
const OWNED = /^proclab-run-(\d+)-/

const made = new Set<string>()
let swept = false

process.once('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})

/** A new private folder for one program run (its trace file); remove it with {@link removeRunDir}. */
export function makeRunDir(): string {
  if (!swept) sweepOrphanedRunDirs()
  const dir = mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`))
  made.add(dir)
  return dir
}

/** Removes a folder made by {@link makeRunDir}. */
export function removeRunDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
  made.delete(dir)
}

/** Removes the run folders of processes that no longer exist. */
function sweepOrphanedRunDirs(): void {
  swept = true
  const owners = new Map<string, number>()
  for (const name of readdirSync(tmpdir())) {
    const owner = OWNED.exec(name)?.[1]
    if (owner !== undefined) owners.set(name, Number(owner))
  }
  const alive = new Set(stillRunning(owners.values()).map((p) => p.pid))
  for (const [name, owner] of owners) if (!alive.has(owner)) rmSync(join(tmpdir(), name), { recursive: true, force: true })
}
