import type { Queue, JoinableQueue } from '../queues/queue.ts'
import type { Typecode, ElementOf } from '../sharedctypes.ts'
import type { BarrierOptions } from '../sync/barrier.ts'
import type { ServedArray, ServedDict, ServedList, ServedNamespace, ServedValue } from './served-data.ts'
import type { ServedBarrier } from './served-barrier.ts'
import type { ServedCondition, ServedEvent, ServedLock, ServedSemaphore } from './served-sync.ts'
import type { Caller } from './serving.ts'

/**
 * The types of proxies, derived from the objects the server keeps: every method of the served object,
 * async (Python's proxies block; proclab's are awaited). Methods that take the calling connection on
 * the server take it implicitly.
 */
export type Remote<T> = {
  [K in keyof T as T[K] extends (...args: any[]) => any ? K : never]: T[K] extends (caller: Caller, ...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : T[K] extends (...args: infer A) => infer R
      ? (...args: A) => Promise<Awaited<R>>
      : never
}

/** What a lock-like proxy adds locally: Python's `with`. */
interface Exclusive {
  /** Runs `fn` holding the lock (acquire, then release even if `fn` throws). */
  runExclusive<T>(fn: () => T | Promise<T>): Promise<T>
}

export type DictProxy<K = string, V = unknown> = Remote<ServedDict<K, V>>
export type ListProxy<T = unknown> = Remote<ServedList<T>>
export type NamespaceProxy = Remote<ServedNamespace>
/** A manager Value's proxy: its methods, and Python's `value` property (`await proxy.value`; `proxy.value = v` sends the set at once). */
export type ValueProxy<T = unknown> = Remote<ServedValue<T>> & {
  get value(): Promise<T>
  set value(value: T)
}
export type ArrayProxy<T = unknown> = Remote<ServedArray<T>>
export type QueueProxy<T = unknown> = Remote<Queue<T>>
export type JoinableQueueProxy<T = unknown> = Remote<JoinableQueue<T>>
export type LockProxy = Pick<Remote<ServedLock>, 'acquire' | 'release'> & Exclusive
export type SemaphoreProxy = Remote<ServedSemaphore> & Exclusive
export type EventProxy = Remote<ServedEvent>
export type ConditionProxy = Remote<ServedCondition> &
  Exclusive & {
    /** Waits (holding the lock) until `predicate()` is true, or `timeout` ms pass; resolves its last value. */
    waitFor<T>(predicate: () => T | Promise<T>, timeout?: number): Promise<T>
  }
export type BarrierProxy = Remote<ServedBarrier>

/** The factories of `mp.Manager()`, typed. */
export interface SyncManagerTypes {
  dict<K = string, V = unknown>(entries?: Iterable<[K, V]> | Record<string, V>): Promise<DictProxy<K, V>>
  list<T = unknown>(items?: Iterable<T>): Promise<ListProxy<T>>
  Namespace(values?: Record<string, unknown>): Promise<NamespaceProxy>
  Queue<T = unknown>(maxsize?: number): Promise<QueueProxy<T>>
  JoinableQueue<T = unknown>(maxsize?: number): Promise<JoinableQueueProxy<T>>
  Lock(): Promise<LockProxy>
  RLock(): Promise<LockProxy>
  Semaphore(value?: number): Promise<SemaphoreProxy>
  BoundedSemaphore(value?: number): Promise<SemaphoreProxy>
  Event(): Promise<EventProxy>
  Condition(lock?: LockProxy): Promise<ConditionProxy>
  /** `action` runs on the server, in the last party to arrive: it must be an exported function (the server imports it). */
  Barrier(parties: number, options?: BarrierOptions): Promise<BarrierProxy>
  Value<C extends Typecode>(typecode: C, value?: ElementOf<C>): Promise<ValueProxy<ElementOf<C>>>
  Array<C extends Typecode>(typecode: C, sizeOrValues: number | ElementOf<C>[]): Promise<ArrayProxy<ElementOf<C>>>
}
