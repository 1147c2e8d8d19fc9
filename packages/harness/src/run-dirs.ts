import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { removeOrphans } from '@proclab/core/tooling'

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
  if (!swept) {
    swept = true
    removeOrphans(tmpdir(), OWNED)
  }
  const dir = mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`))
  made.add(dir)
  return dir
}

/** Removes a folder made by {@link makeRunDir}. */
export function removeRunDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
  made.delete(dir)
}
