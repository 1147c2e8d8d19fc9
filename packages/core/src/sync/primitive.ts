import { newObjectId } from '../transport/index.ts'
import { allocateBlock, attachBlock, type BlockRef } from '../shm/blocks.ts'
import { registerReviver, SHARED, type SharedHandle, type SharedObject } from '../reduction.ts'

/**
 * What every synchronization object (Lock, Semaphore, Event…) has in common: a few 32-bit words of
 * shared memory that it changes with `Atomics`, and a handle by which it crosses to a child and
 * arrives as the same object there.
 */

export interface PrimitiveHandle extends SharedHandle {
  id: string
  block: BlockRef
}

/** Lets other processes rebuild primitives of this type: `fromHandle` passes the handle to the constructor, which attaches to its words. */
export function registerPrimitive(type: string, fromHandle: (handle: PrimitiveHandle) => SharedPrimitive): void {
  registerReviver(type, (handle) => fromHandle(handle as PrimitiveHandle))
}

export abstract class SharedPrimitive implements SharedObject {
  /** Names the object in traces: the same in every process. */
  readonly id: string
  /** This object's words of shared memory. */
  protected readonly words: Int32Array
  /** The handle this object was rebuilt from, in a child; undefined where it was created. */
  protected readonly revived: PrimitiveHandle | undefined
  readonly #block: BlockRef
  readonly #type: string

  /**
   * @param type The class's name, under which children rebuild it.
   * @param wordCount How many 32-bit words of shared memory the object needs.
   * @param revived In another process: the handle of the object to be again.
   */
  protected constructor(type: string, wordCount: number, revived?: PrimitiveHandle) {
    this.#type = type
    this.revived = revived
    const block = this.revived ? attachBlock(this.revived.block) : allocateBlock(wordCount * 4)
    this.id = this.revived?.id ?? newObjectId()
    this.#block = block.ref
    this.words = new Int32Array(block.memory, block.offset, wordCount)
  }

  /** Fields a subclass adds to its handle (a Condition's lock, a Barrier's action). */
  protected handleFields(): Record<string, unknown> {
    return {}
  }

  get [SHARED]() {
    return {
      closed: false,
      handle: (): PrimitiveHandle => ({ ...this.handleFields(), type: this.#type, id: this.id, block: this.#block }),
    }
  }
}

/** Runs `fn` while holding `lock` (Python's `with lock:`), releasing it even when `fn` throws. */
export async function holding<T>(lock: { acquire(): Promise<boolean>; release(): Promise<void> }, fn: () => T | Promise<T>): Promise<T> {
  await lock.acquire()
  try {
    return await fn()
  } finally {
    await lock.release()
  }
}

/**
 * `holding` for a lock this process has just taken without waiting (the common case): `fn` runs at
 * once, and a synchronous `fn` releases at once (unless the release must first wait for sends, see
 * Acquirable.release), so the whole `runExclusive` costs the caller one promise turn instead of four.
 */
export function holdingTaken<T>(release: () => Promise<void>, fn: () => T | Promise<T>): Promise<T> {
  let result: T | Promise<T>
  try {
    result = fn()
  } catch (error) {
    return release().then(() => Promise.reject(error))
  }
  if (result instanceof Promise) return result.finally(release)
  const value = result
  const released = release()
  return released === RESOLVED ? Promise.resolve(value) : released.then(() => value)
}

/** Calls `start`, turning a synchronous throw (a bad argument, a wrong state) into a rejection: these calls are awaited. */
export function rejectOnThrow<T>(start: () => Promise<T>): Promise<T> {
  try {
    return start()
  } catch (error) {
    return Promise.reject(error)
  }
}

export const RESOLVED = Promise.resolve()
export const TRUE = Promise.resolve(true)
