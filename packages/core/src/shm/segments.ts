import { closeSync, ftruncateSync, openSync, unlinkSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { removeOrphans } from '../orphan-files.ts'
import { LIBC_NAME, SHARED_MEMORY_FOLDER } from '../platform-paths.ts'
import { privateFolder } from '../private-folder.ts'

/**
 * Memory really shared between processes: a file in /dev/shm (a RAM file system; elsewhere, this
 * process's private folder in the temp folder: see platform-paths.ts), mapped `MAP_SHARED` into every process that uses it, so a write by one is read by the
 * others with no message. Node has no `mmap`; koffi (an FFI library whose npm package ships prebuilt
 * binaries, so nothing is compiled or downloaded at install) calls libc's, and exposes the mapping as
 * an ArrayBuffer on which typed arrays and `Atomics` work as on any other.
 *
 * Lifetime: a segment of its own (blocks.ts) is removed by the last process that lets go of it; the
 * creating process removes the rest of its files when it exits (the mappings live on in processes
 * that still use them, as with any unlinked file); files of a creator that was killed are swept by the
 * next process that creates one (in /dev/shm here; a private folder is swept whole, private-folder.ts).
 * A segment's name is its file's path, so other processes find it in either place.
 */

/** A segment's file in /dev/shm, named after its creator so that a killed creator's are recognised. */
const OWNED = /^proclab-(\d+)-\d+$/
const PROT_READ_WRITE = 0x1 | 0x2
const MAP_SHARED = 0x1

/** A mapping in this process: its memory, and its address (to unmap it). */
export interface Mapping {
  memory: ArrayBuffer
  address: unknown
}

/** Maps `bytes` bytes of the open file `fd`, shared; null when mmap failed. */
type Mapper = (fd: number, bytes: number) => Mapping | null

let mapper: Mapper | undefined
let unmapper: ((address: unknown, bytes: number) => void) | undefined
/** A view of the first `bytes` bytes at `address`: a second ArrayBuffer over the same memory. */
let viewer: ((address: unknown, bytes: number) => ArrayBuffer) | undefined

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
  const libc = koffi.load(LIBC_NAME)
  const mmap = libc.func('void *mmap(void *addr, size_t length, int prot, int flags, int fd, int64_t offset)')
  const munmap = libc.func('int munmap(void *addr, size_t length)')
  unmapper = (address, bytes) => void munmap(address, bytes)
  viewer = (address, bytes) => koffi.view(address, bytes)
  // mmap reports failure as MAP_FAILED, (void *)-1, not as a null pointer.
  const MAP_FAILED = 2n ** 64n - 1n
  mapper = (fd, bytes) => {
    const pointer = mmap(null, bytes, PROT_READ_WRITE, MAP_SHARED, fd, 0)
    return pointer === null || BigInt.asUintN(64, koffi.address(pointer)) === MAP_FAILED ? null : { memory: koffi.view(pointer, bytes), address: pointer }
  }
  return mapper
}

const created: string[] = []
let segmentsCreated = 0

/** Creates a zero-filled shared segment of `bytes` bytes; returns its name (for other processes) and its mapping. */
export function createSegment(bytes: number): Mapping & { name: string } {
  if (segmentsCreated === 0) {
    if (SHARED_MEMORY_FOLDER) removeOrphans(SHARED_MEMORY_FOLDER, OWNED)
    process.once('exit', removeCreated)
  }
  ++segmentsCreated
  const name = SHARED_MEMORY_FOLDER ? join(SHARED_MEMORY_FOLDER, `proclab-${process.pid}-${segmentsCreated}`) : join(privateFolder(), `shm-${segmentsCreated}`)
  const mapping = map(name, bytes, 'wx+')
  created.push(name)
  return { name, ...mapping }
}

/** Maps a segment another process created (see {@link createSegment}). */
export function attachSegment(name: string, bytes: number): Mapping {
  return map(name, bytes, 'r+')
}

/** Unmaps a mapping: its memory must be unreachable (any access to it afterwards would crash). */
export function unmap(address: unknown, bytes: number): void {
  unmapper!(address, bytes)
}

/** A second view of the first `bytes` bytes of a mapping, which outlives its memory's ArrayBuffer. */
export function viewOf(address: unknown, bytes: number): ArrayBuffer {
  return viewer!(address, bytes)
}

/** Removes a segment's file (its last user let go of it); mappings elsewhere are not affected. */
export function removeSegment(name: string): void {
  try {
    unlinkSync(name)
  } catch {}
}

function map(name: string, bytes: number, flags: string): Mapping {
  const mapShared = loadMapper()
  const fd = openSync(name, flags, 0o600)
  try {
    if (flags.startsWith('w')) ftruncateSync(fd, bytes)
    const mapping = mapShared(fd, bytes)
    if (!mapping) throw new Error(`proclab could not map shared memory ${name} (${bytes} bytes): the system refused mmap.`)
    return mapping
  } finally {
    // The mapping keeps the memory; the descriptor is no longer needed.
    closeSync(fd)
  }
}

function removeCreated(): void {
  for (const name of created.splice(0)) {
    try {
      unlinkSync(name)
    } catch {}
  }
}
