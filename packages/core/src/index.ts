export { Process, type ProcessOptions } from './process.ts'
export { activeChildren } from './children.ts'
export { currentProcess, parentProcess, isMain, ParentProcess, type ProcessInfo } from './current.ts'
export { cpuCount } from './cpu.ts'
export { sleep, type WaitOptions } from './timeouts.ts'
export { Queue, JoinableQueue, SimpleQueue } from './queues/index.ts'
export { Pipe, Connection } from './pipes/index.ts'
export { Pool, type PoolOptions, type ResultCallbacks } from './pool.ts'
export { AsyncResult } from './async-result.ts'
export { ProcessError, StateError, TimeoutError, AuthenticationError, BrokenBarrierError, Empty, Full, EOFError, BrokenProcessPool, CancelledError } from './errors.ts'
export { Lock, RLock } from './sync/locks.ts'
export { Semaphore, BoundedSemaphore } from './sync/semaphores.ts'
export { Event } from './sync/event.ts'
export { Condition } from './sync/condition.ts'
export { Barrier, type BarrierOptions } from './sync/barrier.ts'
export {
  sharedArray as Array,
  RawArray,
  sharedValue as Value,
  RawValue,
  type Typecode,
  type ElementOf,
  type SynchronizedOptions,
  type SynchronizedArray,
  type SynchronizedValue,
} from './sharedctypes.ts'
export { BaseManager, type ManagerOptions, type ManagerServerHandle } from './managers/base-manager.ts'
export type { Address as ManagerAddress } from './transport/index.ts'
export { Manager, SyncManager } from './managers/sync-manager.ts'
export type * from './managers/proxies.ts'
