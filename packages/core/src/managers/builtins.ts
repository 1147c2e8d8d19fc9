import { JoinableQueue, Queue } from '../queues/queue.ts'
import { ServedArray, ServedDict, ServedList, ServedNamespace, ServedValue } from './served-data.ts'
import { ServedBarrier } from './served-barrier.ts'
import { ServedCondition, ServedEvent, ServedLock, ServedSemaphore } from './served-sync.ts'
import type { Factory } from './server.ts'
import { assertTypecode } from '../sharedctypes.ts'
import { locateExport } from '../spawn/targets.ts'
import type { BarrierOptions } from '../sync/barrier.ts'
import { invalidAction } from '../sync/messages.ts'

/** The types every `mp.Manager()` serves (Python's SyncManager), by typeid. */
export const BUILTIN_FACTORIES: ReadonlyMap<string, Factory> = new Map<string, Factory>([
  ['dict', (entries?) => new ServedDict(entries)],
  ['list', (items?) => new ServedList(items)],
  ['Namespace', (values?) => new ServedNamespace(values)],
  ['Queue', (maxsize?) => new Queue(maxsize)],
  ['JoinableQueue', (maxsize?) => new JoinableQueue(maxsize)],
  ['Lock', () => new ServedLock(false)],
  ['RLock', () => new ServedLock(true)],
  ['Semaphore', (value?) => new ServedSemaphore(value)],
  ['BoundedSemaphore', (value?) => new ServedSemaphore(value, true)],
  ['Event', () => new ServedEvent()],
  ['Condition', (lock?) => {
    if (lock !== undefined && !(lock instanceof ServedLock)) throw new TypeError('manager.Condition() expects a lock made by the same manager (manager.Lock() or manager.RLock()), or nothing.')
    return new ServedCondition(lock)
  }],
  ['Barrier', (parties, options?) => new ServedBarrier(parties, options)],
  ['Value', (typecode, value?) => new ServedValue(assertTypecode(typecode, 'manager.Value()'), value ?? (typecode === 'c' ? '\0' : /[lLqQ]/.test(typecode) ? 0n : 0))],
  ['Array', (typecode, sizeOrValues) => new ServedArray(assertTypecode(typecode, 'manager.Array()'), sizeOrValues)],
])

const BUILTIN_TYPEIDS = new Map([...BUILTIN_FACTORIES].map(([typeid, factory]) => [factory, typeid]))

/** The typeid of a built-in factory, or undefined for a user's callable. */
export function builtinTypeid(factory: Factory): string | undefined {
  return BUILTIN_TYPEIDS.get(factory)
}

/**
 * A built-in type's arguments as they cross to the server, where the object is made: a Barrier's
 * action crosses as the exported function's module and name, which the server imports (as a child does).
 */
export function argumentsForServer(factory: Factory | undefined, args: unknown[]): unknown[] {
  if (factory === undefined || factory !== BUILTIN_FACTORIES.get('Barrier')) return args
  const [parties, options] = args as [unknown, BarrierOptions | undefined]
  if (options?.action === undefined) return args
  if (typeof options.action !== 'function') throw invalidAction('manager.Barrier()', options.action)
  return [parties, { ...options, action: locateExport(options.action, 'manager.Barrier()', 'action') }]
}
