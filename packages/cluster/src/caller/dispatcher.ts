import { decode } from '../codec.ts'
import { RedisLostError } from '../errors.ts'
import { reviveError } from '../remote-error.ts'
import { jobId, type JobData, type Reply, type TargetRef } from '../wire.ts'
import { keepAlive } from './keep-alive.ts'
import type { Session } from './session.ts'

/** At most this many jobs of one caller are in Redis at a time; the rest wait here. */
export const MAX_JOBS_IN_FLIGHT = 256
/** Replies read per round trip once one has arrived. */
const REPLIES_PER_READ = 1000
/** A blocking read of replies returns this often, so an idle caller stops reading. */
const READ_BLOCK_S = 1

/** One chunk of calls, encoded, on its way to the cluster. */
export interface Chunk {
  target: TargetRef
  spread: boolean
  /** base64 of the v8-serialized calls. */
  calls: string
  /** Called once the chunk's job is in Redis (from then on, a worker may run it). */
  sent?: () => void
}

interface Entry {
  seq: number
  chunk: Chunk
  resolve: (values: unknown[]) => void
  reject: (error: Error) => void
}

/**
 * Sends a caller's chunks as BullMQ jobs, a bounded number at a time, and matches the replies to
 * them by number. A job re-run after its worker died may reply twice: the first reply settles it,
 * and any later one is dropped, so the caller sees exactly one result per task.
 */
export class Dispatcher {
  readonly #session: Session
  readonly #backlog: Entry[] = []
  readonly #inFlight = new Map<number, Entry>()
  #seq = 0
  #flushing = false
  #reading = false
  #broken: Error | undefined
  #idle: (() => void)[] = []

  constructor(session: Session) {
    this.#session = session
    const lost = () => this.failAll(new RedisLostError(`The connection to Redis at ${session.url} was lost and did not come back: every unfinished task fails. Check the Redis server, then run the tasks again.`))
    session.redis.once('end', lost)
    session.reader.once('end', lost)
  }

  /** How many chunks are not settled yet. */
  get pending(): number {
    return this.#backlog.length + this.#inFlight.size
  }

  /** Sends a chunk; resolves with its values, in order, or rejects with its error. */
  submit(chunk: Chunk): { seq: number; values: Promise<unknown[]> } {
    const seq = this.#seq++
    const values = new Promise<unknown[]>((resolve, reject) => {
      if (this.#broken) return reject(this.#broken)
      keepAlive.hold()
      this.#backlog.push({ seq, chunk, resolve, reject })
    })
    values.catch(() => {}) // a failure reaches whoever awaits it, never as an unhandled rejection
    this.#flushSoon()
    return { seq, values }
  }

  /** Takes back a chunk that has not been sent yet; false once it is in Redis. */
  withdraw(seq: number): boolean {
    const at = this.#backlog.findIndex((entry) => entry.seq === seq)
    if (at < 0) return false
    this.#backlog.splice(at, 1)
    keepAlive.release()
    this.#wakeIfIdle()
    return true
  }

  /** Resolves once every chunk has settled. */
  drained(): Promise<void> {
    return this.pending === 0 ? Promise.resolve() : new Promise((resolve) => this.#idle.push(resolve))
  }

  /** Fails every unsettled chunk with `error` and removes the jobs no worker has taken. */
  async failAll(error: Error): Promise<void> {
    this.#broken ??= error
    const entries = [...this.#backlog.splice(0), ...this.#inFlight.values()]
    const sent = [...this.#inFlight.keys()]
    this.#inFlight.clear()
    for (const entry of entries) this.#settle(() => entry.reject(error))
    // A job a worker holds cannot be removed: it runs, and its reply is dropped (the caller key is gone).
    await Promise.all(sent.map((seq) => this.#session.queue.remove(jobId(this.#session.id, seq)).catch(() => {})))
  }

  #flushSoon(): void {
    if (this.#flushing) return
    this.#flushing = true
    queueMicrotask(() => void this.#flush().finally(() => (this.#flushing = false)))
  }

  async #flush(): Promise<void> {
    while (this.#backlog.length > 0 && this.#inFlight.size < MAX_JOBS_IN_FLIGHT && !this.#broken) {
      const batch = this.#backlog.splice(0, MAX_JOBS_IN_FLIGHT - this.#inFlight.size)
      for (const entry of batch) this.#inFlight.set(entry.seq, entry)
      const ready = batch.map((entry) => this.#job(entry))
      try {
        if (ready.length > 0) await this.#session.queue.addBulk(ready)
        for (const entry of batch) entry.chunk.sent?.()
      } catch (error) {
        for (const job of ready) this.#fail(job.data.seq, error as Error)
      }
      this.#readReplies()
    }
  }

  /** The BullMQ job of an entry: removed once done, whatever its end. */
  #job({ seq, chunk: { target, spread, calls } }: Entry) {
    const data: JobData = { caller: this.#session.id, seq, target, spread, calls }
    return { name: target.exportName, data, opts: { jobId: jobId(this.#session.id, seq), removeOnComplete: true, removeOnFail: true } }
  }

  #readReplies(): void {
    if (this.#reading) return
    this.#reading = true
    void this.#readLoop().finally(() => (this.#reading = false))
  }

  async #readLoop(): Promise<void> {
    const key = this.#session.keys.replies(this.#session.id)
    const { reader } = this.#session
    while (this.#inFlight.size > 0 && !this.#broken) {
      const first = await quiet(reader.blpop(key, READ_BLOCK_S))
      if (!first) continue
      // The first reply settles now: one apply waits for no second round trip.
      this.#receiveAll([first[1]])
      if (this.#inFlight.size > 0) this.#receiveAll((await quiet(reader.lpop(key, REPLIES_PER_READ))) ?? [])
    }
  }

  #receiveAll(lines: string[]): void {
    for (const line of lines) this.#receive(JSON.parse(line) as Reply)
    if (lines.length > 0) this.#flushSoon()
  }

  #receive(reply: Reply): void {
    const entry = this.#inFlight.get(reply.seq)
    if (!entry) return // a re-run job's second reply: the first one settled it
    this.#inFlight.delete(reply.seq)
    switch (reply.kind) {
      case 'values':
        return this.#settle(() => entry.resolve(decode<unknown[]>(reply.values)))
      case 'error':
        return this.#settle(() => entry.reject(reviveError(reply.error, reply)))
      default:
        throw new Error(`A cluster reply of an unknown kind arrived: ${JSON.stringify(reply satisfies never)}`)
    }
  }

  #fail(seq: number, error: Error): void {
    const entry = this.#inFlight.get(seq)
    if (!entry) return
    this.#inFlight.delete(seq)
    this.#settle(() => entry.reject(error))
  }

  #settle(settle: () => void): void {
    settle()
    keepAlive.release()
    this.#wakeIfIdle()
  }

  #wakeIfIdle(): void {
    if (this.pending === 0) for (const wake of this.#idle.splice(0)) wake()
  }
}

/** A read's result, or null if it failed: a lost connection is reported by its 'end' event. */
function quiet<T>(read: Promise<T>): Promise<T | null> {
  return read.catch(() => null)
}
