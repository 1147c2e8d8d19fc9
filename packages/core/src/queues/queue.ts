import { inspect } from 'node:util'
import { newObjectId, serve, LinkClosedError } from '../transport/index.ts'
import { Empty, Full, StateError, withCode } from '../errors.ts'
import { keepAliveWhile } from '../keep-alive.ts'
import { QueueCore, type QueueAccess } from './core.ts'
import { LocalQueue } from './local.ts'
import { remoteQueue } from './remote.ts'
import { queueServant } from './servant.ts'
import { QueueSlots } from './slots.ts'
import { assertCloneable, registerReviver, reviveHandle, SHARED, snapshot, type SharedHandle, type SharedObject } from '../reduction.ts'
import { validTimeout, type WaitOptions } from '../timeouts.ts'
import { pause, seeded } from '../schedule.ts'
import { raised, traceWait } from '../trace.ts'
import { EXPOSED } from '../managers/serving.ts'

type QueueType = 'Queue' | 'JoinableQueue' | 'SimpleQueue'
interface QueueHandle extends SharedHandle {
  id: string
  owner: string
  maxsize: number
  /** A bounded queue's free places, in shared memory. */
  slots: SharedHandle | null
}

/**
 * A first-in first-out queue between processes, like Python's `multiprocessing.Queue`: any process
 * that was handed it (in `args`) can put and get. Items are copied (structured clone); each producer's
 * items arrive in its order; none is lost or delivered twice.
 * @example
 * const q = new mp.Queue<number>(3)
 * new mp.Process({ target: producer, args: [q] }).start()
 * const first = await q.get()
 */
export class Queue<T = unknown> implements SharedObject {
  readonly #id: string
  readonly #maxsize: number
  readonly #access: QueueAccess
  /** In the owner: the queue itself, served to other processes once one is handed the queue. */
  readonly #core: QueueCore | undefined
  #owner: string | undefined
  /** A bounded queue's free places, shared by every process that holds the queue. */
  readonly #slots: QueueSlots | undefined
  #closed = false

  /**
   * What a manager's proxies may call on a queue it serves: the public API, not the methods its
   * subclasses use (`access`…), and not `close()`, which would close it for every client.
   */
  static readonly [EXPOSED]: readonly string[] = ['put', 'get', 'putNowait', 'getNowait', 'qsize', 'empty', 'full']

  /** @param maxsize The most items it holds before `put` waits; 0 (the default) for no limit. */
  constructor(maxsize?: number)
  /** @internal The same queue, in another process: see {@link Queue.fromHandle}. */
  constructor(maxsize: number, handle: QueueHandle)
  constructor(maxsize = 0, handle?: QueueHandle) {
    if (handle) {
      this.#id = handle.id
      this.#maxsize = handle.maxsize
      this.#owner = handle.owner
      this.#slots = handle.slots ? (reviveHandle(handle.slots) as QueueSlots) : undefined
      this.#access = remoteQueue(handle.id, handle.owner, handle.maxsize, this.#slots)
      return
    }
    if (!Number.isInteger(maxsize) || maxsize < 0) {
      throw withCode(new RangeError(`new ${new.target.name}() expects \`maxsize\` to be a whole number ≥ 0 (0 for no limit), got ${inspect(maxsize)}.`), 'ERR_MP_INVALID_ARG')
    }
    this.#id = newObjectId()
    this.#maxsize = maxsize
    this.#slots = maxsize > 0 ? new QueueSlots(maxsize) : undefined
    this.#core = new QueueCore(maxsize, this.#slots)
    this.#access = new LocalQueue(this.#core)
  }

  /** Puts `item` (a copy of it). On a full bounded queue it waits for room, or throws `Full` (no `block`, or `timeout` ms passed). */
  put(item: T, { block = true, timeout }: WaitOptions = {}): Promise<void> {
    return this.#put('put', item, block, timeout)
  }

  async #put(api: string, item: T, block: boolean, timeout: number | undefined): Promise<void> {
    if (seeded) await pause()
    const access = this.#usable(api)
    assertCloneable(item, 'item', `${this.#type()}.${api}()`, 'the item')
    const ms = validTimeout(timeout, `${this.#type()}.${api}()`)
    // Copied now: a change made to the item after put() returns is never seen by a consumer.
    const copy = snapshot(item)
    const put = access.put(copy, block, ms)
    const ok = access.fireAndForget ? await put : await this.#wait(api, put)
    if (!ok) throw raised(new Full(`${this.#type()}.${api}() found the queue full (maxsize ${this.#maxsize})${block ? ` for ${ms} ms` : ''}. Wait longer, or get items out first.`), `${api} ${this.#type()}`)
  }

  /** Takes the next item. On an empty queue it waits, or throws `Empty` (no `block`, or `timeout` ms passed). */
  get({ block = true, timeout }: WaitOptions = {}): Promise<T> {
    return this.#get('get', block, timeout)
  }

  async #get(api: string, block: boolean, timeout: number | undefined): Promise<T> {
    if (seeded) await pause()
    const access = this.#usable(api)
    const ms = validTimeout(timeout, `${this.#type()}.${api}()`)
    const answer = await this.#wait(api, access.get(block, ms))
    if (answer.empty) throw raised(new Empty(`${this.#type()}.${api}() found the queue empty${block ? ` for ${ms} ms` : ''}.`), `${api} ${this.#type()}`)
    return answer.item as T
  }

  /** `put(item, { block: false })`: throws `Full` at once if there is no room. */
  putNowait(item: T): Promise<void> {
    return this.#put('putNowait', item, false, undefined)
  }

  /** `get({ block: false })`: throws `Empty` at once if there is no item. */
  getNowait(): Promise<T> {
    return this.#get('getNowait', false, undefined)
  }

  /** How many items are in the queue now (other processes may change it at once). */
  async qsize(): Promise<number> {
    return (await this.#call('qsize', this.#usable('qsize').size())).size
  }

  async empty(): Promise<boolean> {
    return (await this.qsize()) === 0
  }

  async full(): Promise<boolean> {
    return (await this.#call('full', this.#usable('full').size())).full
  }

  /** This process will not use the queue again: later calls here throw `StateError`. Others are not affected. */
  close(): void {
    this.#closed = true
  }

  get [SHARED]() {
    return {
      closed: this.#closed,
      handle: (): QueueHandle => {
        this.#owner ??= serve(this.#id, queueServant(this.#core!))
        const slots = this.#slots ? this.#slots[SHARED].handle() : null
        return { type: this.#type(), id: this.#id, owner: this.#owner, maxsize: this.#maxsize, slots }
      },
    }
  }

  toString(): string {
    return `<${this.#type()} id=${this.#id} maxsize=${this.#maxsize}${this.#closed ? ' closed' : ''}>`
  }

  [inspect.custom](): string {
    return this.toString()
  }

  protected access(api: string): QueueAccess {
    return this.#usable(api)
  }

  protected call<R>(api: string, operation: Promise<R>): Promise<R> {
    return this.#call(api, operation)
  }

  protected wait<R>(api: string, operation: Promise<R>): Promise<R> {
    return this.#wait(api, operation)
  }

  /** Rebuilds, in another process, the queue a handle stands for, as a `type` (Queue or JoinableQueue): the same queue, reached through its owner. */
  private static fromHandle<Q extends Queue>(type: new (maxsize: number, handle: QueueHandle) => Q, handle: SharedHandle): Q {
    const queue = handle as QueueHandle
    return new type(queue.maxsize, queue)
  }

  static {
    // Every kind of queue crosses as the same handle; its `type` says what to rebuild. (`this`, not
    // the class's name: a class that names itself in its body is renamed by the bundler.)
    registerReviver('Queue', (handle) => this.fromHandle(this, handle))
    registerReviver('JoinableQueue', (handle) => this.fromHandle(JoinableQueue, handle))
    registerReviver('SimpleQueue', (handle) => new SimpleQueue(this.fromHandle(this, handle)))
  }

  #type(): QueueType {
    return this.constructor.name as QueueType
  }

  #usable(api: string): QueueAccess {
    if (this.#closed) throw new StateError(`${this.#type()}.${api}() cannot be used: this process closed the queue. Call ${api}() before close().`)
    return this.#access
  }

  /** A wait that keeps the process alive and shows in the trace. */
  #wait<R>(api: string, operation: Promise<R>): Promise<R> {
    return keepAliveWhile(traceWait(`${api} ${this.#type()} ${this.#id}`, { kind: 'queue', id: this.#id }, this.#call(api, operation)))
  }

  /** Turns "the owner has gone" into an error that says so. */
  async #call<R>(api: string, operation: Promise<R>): Promise<R> {
    try {
      return await operation
    } catch (error) {
      if (!(error instanceof LinkClosedError)) throw error
      throw new StateError(`${this.#type()}.${api}() failed: the process that created this queue has exited, and the queue with it.`, { cause: error })
    }
  }

}

/**
 * A `Queue` whose consumers say when they have finished each item (`taskDone()`), so that a producer
 * can `join()` until all work is done, like Python's `JoinableQueue`.
 * @example
 * const tasks = new mp.JoinableQueue<string>()
 * // worker: for (;;) { const t = await tasks.get(); work(t); await tasks.taskDone() }
 * await tasks.join()
 */
export class JoinableQueue<T = unknown> extends Queue<T> {
  static override readonly [EXPOSED] = [...Queue[EXPOSED], 'taskDone', 'join']

  /** Marks one item taken with `get()` as done. Throws `StateError` if called more times than items were put. */
  async taskDone(): Promise<void> {
    const ok = await this.call('taskDone', this.access('taskDone').taskDone())
    if (!ok) throw new StateError('JoinableQueue.taskDone() was called more times than there were items: call it once per item you got.')
  }

  /** Waits until every item put so far has been marked done. */
  async join(): Promise<void> {
    await this.wait('join', this.access('join').join())
  }
}

/**
 * The simplest queue, like Python's `SimpleQueue`: unbounded, with `put`, `get`, `empty` and `close`.
 * @example
 * const q = new mp.SimpleQueue<string>()
 */
export class SimpleQueue<T = unknown> {
  readonly #queue: Queue<T>

  constructor(queue?: Queue<T>) {
    this.#queue = queue ?? new Queue<T>()
  }

  put(item: T): Promise<void> {
    return this.#queue.put(item)
  }

  get(): Promise<T> {
    return this.#queue.get()
  }

  empty(): Promise<boolean> {
    return this.#queue.empty()
  }

  close(): void {
    this.#queue.close()
  }

  get [SHARED]() {
    const queue = this.#queue[SHARED]
    return { closed: queue.closed, handle: () => ({ ...queue.handle(), type: 'SimpleQueue' }) }
  }
}
