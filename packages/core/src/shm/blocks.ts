import { attachSegment, createSegment, removeSegment, unmap, viewOf, type Mapping } from './segments.ts'

/**
 * Small pieces of shared memory for shared objects: a lock needs 8 bytes, an Array its elements. Each
 * process carves the small blocks it creates out of its own arenas (one segment, one mmap, for many
 * locks), which live as long as the program. A large block gets a segment of its own, which is freed
 * once no process holds it (see `own segments` below).
 */

/** Where a block lives, as plain data that crosses to other processes inside handles. */
export interface BlockRef {
  segment: string
  /** The segment's size, which every process maps whole. */
  segmentBytes: number
  offset: number
  bytes: number
  /** A segment of its own, with a count of the processes that hold it in its header. */
  own?: true
}

/** A block mapped in this process. */
export interface Block {
  ref: BlockRef
  memory: ArrayBuffer
  offset: number
}

/**
 * The largest block: a mapping is exposed as one ArrayBuffer, and the FFI aborts the whole process
 * (not an exception) on a view of more than 4 GiB; a little is kept for a segment's header.
 */
export const MAX_BLOCK_BYTES = 2 ** 32 - 64

const ARENA_BYTES = 64 * 1024
/** Every block starts on 8 bytes, the alignment of the widest element (Float64, BigInt64). */
const ALIGN = 8
/** An own segment starts with the count of processes that hold it (one 32-bit word, padded to ALIGN). */
const HEADER_BYTES = ALIGN

const mapped = new Map<string, ArrayBuffer>()
let arena: { name: string; memory: ArrayBuffer; used: number } | undefined

/**
 * A new zero-filled block of at least `bytes` bytes.
 * @param own Whether it gets a segment of its own, freed once no process holds it (always, for a large
 * block): for a small block that other processes map and should not keep for the program's lifetime.
 */
export function allocateBlock(bytes: number, { own = false } = {}): Block {
  const size = Math.max(ALIGN, Math.ceil(bytes / ALIGN) * ALIGN)
  if (own || size > ARENA_BYTES / 4) {
    const segmentBytes = HEADER_BYTES + size
    const mapping = createSegment(segmentBytes)
    const ref: BlockRef = { segment: mapping.name, segmentBytes, offset: HEADER_BYTES, bytes, own: true }
    return { ref, memory: holdOwn(ref, mapping), offset: HEADER_BYTES }
  }
  if (!arena || arena.used + size > ARENA_BYTES) {
    const { name, memory } = createSegment(ARENA_BYTES)
    mapped.set(name, memory)
    arena = { name, memory, used: 0 }
  }
  const offset = arena.used
  arena.used += size
  return { ref: { segment: arena.name, segmentBytes: ARENA_BYTES, offset, bytes }, memory: arena.memory, offset }
}

/** The block `ref` names, mapping its segment on first use in this process. */
export function attachBlock(ref: BlockRef): Block {
  if (ref.own) {
    const memory = ownSegments.get(ref.segment)?.deref() ?? holdOwn(ref, attachSegment(ref.segment, ref.segmentBytes))
    return { ref, memory, offset: ref.offset }
  }
  let memory = mapped.get(ref.segment)
  if (!memory) mapped.set(ref.segment, (memory = attachSegment(ref.segment, ref.segmentBytes).memory))
  return { ref, memory, offset: ref.offset }
}

// ─── Own segments ───────────────────────────────────────────────────────────────────────────────
//
// Each process that maps an own segment counts 1 in its header. When the segment's memory can no
// longer be reached in a process (every Array over it was dropped and collected), that process
// unmaps it and takes its 1 back; so does a process that exits still holding it. The one that takes
// the count to 0 removes the file. A handle on its way to a child is kept alive by the sender until
// that child has exited (see `keepUntil`), so the child always finds the file to attach to.

/** This process's own segments, by name: weakly, so that dropping the last Array frees the memory. */
const ownSegments = new Map<string, WeakRef<ArrayBuffer>>()

interface Holding {
  name: string
  address: unknown
  bytes: number
  /** The header, through a view of its own: it outlives the memory's ArrayBuffer. */
  count: Int32Array
}

/** Holdings still mapped here, to let go of at exit. */
const holdings = new Set<Holding>()
let exitHooked = false

const released = new FinalizationRegistry<Holding>((holding) => {
  if (ownSegments.get(holding.name)?.deref() === undefined) ownSegments.delete(holding.name)
  letGo(holding)
  unmap(holding.address, holding.bytes)
})

function holdOwn(ref: BlockRef, mapping: Mapping): ArrayBuffer {
  const holding: Holding = { name: ref.segment, address: mapping.address, bytes: ref.segmentBytes, count: new Int32Array(viewOf(mapping.address, HEADER_BYTES), 0, 1) }
  Atomics.add(holding.count, 0, 1)
  if (!exitHooked) {
    exitHooked = true
    process.once('exit', letGoOfAll)
  }
  holdings.add(holding)
  ownSegments.set(ref.segment, new WeakRef(mapping.memory))
  released.register(mapping.memory, holding)
  return mapping.memory
}

/** Takes this process's count back; the last holder removes the file. */
function letGo(holding: Holding): void {
  if (!holdings.delete(holding)) return
  if (Atomics.sub(holding.count, 0, 1) === 1) removeSegment(holding.name)
}

function letGoOfAll(): void {
  for (const holding of [...holdings]) letGo(holding)
}

const keptForChildren = new Set<object>()

/** Keeps `object` (which holds shared memory) reachable until `until` settles: a handle to it is on its way to a child. */
export function keepUntil(object: object, until: Promise<unknown>): void {
  const entry = { object }
  keptForChildren.add(entry)
  void until.finally(() => keptForChildren.delete(entry))
}
