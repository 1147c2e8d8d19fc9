/**
 * A first-in first-out queue with O(1) push and shift at any size (an array's shift() copies the whole
 * array once it is large, and a queue may hold a million items). Items sit in fixed-size chunks.
 */
const CHUNK = 1024

export class Deque<T> {
  #chunks: T[][] = [[]]
  #head = 0
  #length = 0

  get length(): number {
    return this.#length
  }

  push(item: T): void {
    let last = this.#chunks[this.#chunks.length - 1]!
    if (last.length === CHUNK) this.#chunks.push((last = []))
    last.push(item)
    this.#length++
  }

  /** Puts an item back at the front (an item given back by a consumer that stopped waiting). */
  unshift(item: T): void {
    if (this.#head > 0) this.#chunks[0]![--this.#head] = item
    else this.#chunks.unshift([item])
    this.#length++
  }

  shift(): T | undefined {
    if (this.#length === 0) return undefined
    const first = this.#chunks[0]!
    const item = first[this.#head]!
    first[this.#head++] = undefined as T // let it be collected
    this.#length--
    if (this.#head === first.length && (this.#chunks.length > 1 || this.#length === 0)) {
      if (this.#chunks.length > 1) this.#chunks.shift()
      else first.length = 0
      this.#head = 0
    }
    return item
  }

  /** Removes the first item for which `match` is true; returns whether one was removed. */
  remove(match: (item: T) => boolean): boolean {
    const items = this.toArray()
    const index = items.findIndex(match)
    if (index === -1) return false
    items.splice(index, 1)
    this.#chunks = [items]
    this.#head = 0
    this.#length = items.length
    return true
  }

  toArray(): T[] {
    return this.#chunks.flat().slice(this.#head)
  }
}
