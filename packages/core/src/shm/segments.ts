import { closeSync, ftruncateSync, openSync, readdirSync, unlinkSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isRunning } from '../pids.ts'

/**
 * Memory really shared between processes: a file in /dev/shm (a RAM file system; elsewhere the temp
 * folder), mapped `MAP_SHARED` into every process that uses it, so a write by one is read by the
 * others with no message. Node has no `mmap`; koffi (an FFI library whose npm package ships prebuilt
 * binaries, so nothing is compiled or downloaded at install) calls libc's, and exposes the mapping as
 * an ArrayBuffer on which typed arrays and `Atomics` work as on any other.
 *
 * Lifetime: the creating process removes its files when it exits (the mappings live on in processes
 * that still use them, as with any unlinked file); files of a creator that was killed are swept by the
 * next process that creates one.
 */

const FOLDER = process.platform === 'linux' ? '/dev/shm' : tmpdir()
const PREFIX = 'proclab-'
const PROT_READ_WRITE = 0x1 | 0x2
const MAP_SHARED = 0x1

/** Maps `bytes` bytes of the open file `fd`, shared; null when mmap failed. */
type Mapper = (fd: number, bytes: number) => ArrayBuffer | null

let mapper: Mapper | undefined

// Loaded on first use: a program that shares no memory never loads the FFI.
function loadMapper(): Mapper {
  if (mapper) return mapper
  let koffi: typeof import('koffi')
  try {
    koffi = createRequire(import.meta.url)('koffi') as typeof import('koffi')
  } catch (error) {
    throw new Error(
      `Shared memory (mp.Array, mp.Value, locks, events…) needs the koffi package's prebuilt binary for ${process.platform}-${process.arch}, ` +
        `which could not be loaded: ${(error as Error).message}. Reinstall with \`npm install\` (optional dependencies on), ` +
        `or use a Manager, whose objects live in a server process and need no shared memory.`,
      { cause: error },
    )
  }
  const libc = koffi.load(LIBC[process.platform] ?? 'libc.so.6')
  const mmap = libc.func('void *mmap(void *addr, size_t length, int prot, int flags, int fd, int64_t offset)')
  // mmap reports failure as MAP_FAILED, (void *)-1, not as a null pointer.
  const MAP_FAILED = 2n ** 64n - 1n
  mapper = (fd, bytes) => {
    const pointer = mmap(null, bytes, PROT_READ_WRITE, MAP_SHARED, fd, 0)
    return pointer === null || BigInt.asUintN(64, koffi.address(pointer)) === MAP_FAILED ? null : koffi.view(pointer, bytes)
  }
  return mapper
}

const LIBC: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'libc.so.6',
  darwin: 'libSystem.dylib',
  freebsd: 'libc.so.7',
  openbsd: 'libc.so',
}

const created: string[] = []
let segmentsCreated = 0

/** Creates a zero-filled shared segment of `bytes` bytes; returns its name (for other processes) and its memory. */
export function createSegment(bytes: number): { name: string; memory: ArrayBuffer } {
  if (segmentsCreated === 0) {
    sweepOrphans()
    process.once('exit', removeCreated)
  }
  const name = `${PREFIX}${process.pid}-${++segmentsCreated}`
  const memory = map(name, bytes, 'wx+')
  created.push(name)
  return { name, memory }
}

/** Maps a segment another process created (see {@link createSegment}). */
export function attachSegment(name: string, bytes: number): ArrayBuffer {
  return map(name, bytes, 'r+')
}

function map(name: string, bytes: number, flags: string): ArrayBuffer {
  const mapShared = loadMapper()
  const fd = openSync(join(FOLDER, name), flags, 0o600)
  try {
    if (flags.startsWith('w')) ftruncateSync(fd, bytes)
    const memory = mapShared(fd, bytes)
    if (!memory) throw new Error(`proclab could not map shared memory ${name} (${bytes} bytes): the system refused mmap.`)
    return memory
  } finally {
    // The mapping keeps the memory; the descriptor is no longer needed.
    closeSync(fd)
  }
}

function removeCreated(): void {
  for (const name of created.splice(0)) {
    try {
      unlinkSync(join(FOLDER, name))
    } catch {}
  }
}

/** Removes segment files whose creator no longer runs (it was killed before it could remove them). */
function sweepOrphans(): void {
  let names: string[]
  try {
    names = readdirSync(FOLDER)
  } catch {
    return
  }
  for (const name of names) {
    const pid = /^proclab-(\d+)-\d+$/.exec(name)?.[1]
    if (pid && !isRunning(Number(pid))) {
      try {
        unlinkSync(join(FOLDER, name))
      } catch {}
    }
  }
}
