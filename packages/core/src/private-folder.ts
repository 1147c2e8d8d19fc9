import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { removeOrphans } from './orphan-files.ts'

/**
 * This process's own folder in the temp folder, made on first use, where there are no abstract
 * sockets and no /dev/shm (macOS, the BSDs, the portable mode): its socket files and shared memory
 * files live there. Private (mode 0700, a fresh name: nobody else can put a file in it or connect to
 * its sockets), removed when the process exits, swept by the next process if it was killed. The name
 * is short, `proclab-pid<pid>-XXXXXX`, because a socket path must fit in 104 bytes on macOS, whose
 * temp folder is already about 50 bytes long; `pid` keeps the sweep off other folders named like
 * `proclab-21-XXXXXX` (a lesson's test data), whose number is no pid.
 */

const OWNED = /^proclab-pid(\d+)-[A-Za-z0-9]{6}$/

let folder: string | undefined

/** This process's private folder (made now if need be). */
export function privateFolder(): string {
  if (folder) return folder
  removeOrphans(tmpdir(), OWNED)
  const made = (folder = mkdtempSync(join(tmpdir(), `proclab-pid${process.pid}-`)))
  process.once('exit', () => rmSync(made, { recursive: true, force: true }))
  return made
}
