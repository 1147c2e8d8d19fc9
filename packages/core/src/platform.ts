import { ProcessError, withCode } from './errors.ts'

/**
 * The platforms proclab runs on. Linux, macOS and the BSDs have what core builds on (Unix sockets,
 * files mapped MAP_SHARED, POSIX signals); native Windows has none of them in that form, so proclab
 * refuses it at once with directions to WSL rather than failing later with a raw EACCES or ENOENT.
 * (docs/windows.md is the design for a native port.)
 */

/** What a Windows user is told: where proclab runs, and the two commands that get them there. */
export const WINDOWS_GUIDANCE =
  'proclab runs on Linux and macOS, and on Windows inside WSL (the Windows Subsystem for Linux), not on ' +
  'Windows itself: it needs Unix sockets, shared memory files and POSIX signals.\n' +
  'To get there:\n' +
  '  1. In PowerShell (as administrator), run: wsl --install   (then restart Windows)\n' +
  '  2. In the Ubuntu terminal it opens, clone the course again and run: npm install && npm start\n' +
  'Keep the course inside the Linux file system (e.g. ~/course), not under /mnt/c: it is much faster there.'

/** Whether proclab can run here. Read at call time, so a test can stand in another platform. */
export function isSupportedPlatform(platform: NodeJS.Platform = process.platform): boolean {
  return platform !== 'win32'
}

/** Thrown by every launch of a child (a Process, a pool's worker, a manager) where proclab cannot run. */
export function assertSupportedPlatform(): void {
  if (isSupportedPlatform()) return
  throw withCode(new ProcessError(`proclab cannot start a process on Windows.\n${WINDOWS_GUIDANCE}`), 'ERR_MP_PLATFORM')
}
