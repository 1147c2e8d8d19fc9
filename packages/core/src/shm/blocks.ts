import { attachSegment, createSegment } from './segments.ts'

/**
 * Small pieces of shared memory for shared objects: a lock needs 8 bytes, an Array its elements. Each
 * process carves the blocks it creates out of its own arenas (one segment, one mmap, for many locks);
 * a large block gets a segment of its own. Blocks are never freed: they live as long as the program.
 */

/** Where a block lives, as plain data that crosses to other processes inside handles. */
export interface BlockRef {
  segment: string
  /** The segment's size, which every process maps whole. */
  segmentBytes: number
  offset: number
  bytes: number
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

const mapped = new Map<string, ArrayBuffer>()
let arena: { name: string; memory: ArrayBuffer; used: number } | undefined

/** A new zero-filled block of at least `bytes` bytes. */
export function allocateBlock(bytes: number): Block {
  const size = Math.max(ALIGN, Math.ceil(bytes / ALIGN) * ALIGN)
  if (size > ARENA_BYTES / 4) {
    const { name, memory } = createSegment(size)
    mapped.set(name, memory)
    return { ref: { segment: name, segmentBytes: size, offset: 0, bytes }, memory, offset: 0 }
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
  let memory = mapped.get(ref.segment)
  if (!memory) mapped.set(ref.segment, (memory = attachSegment(ref.segment, ref.segmentBytes)))
  return { ref, memory, offset: ref.offset }
}
