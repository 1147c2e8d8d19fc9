import { localAddress } from '../transport/index.ts'
import { BaseManager, type ManagerOptions } from './base-manager.ts'
import { BUILTIN_FACTORIES } from './builtins.ts'
import type { SyncManagerTypes } from './proxies.ts'

/** The manager `mp.Manager()` starts (Python's SyncManager): dict, list, Namespace, Queue, locks… */
export class SyncManager extends BaseManager {}
export interface SyncManager extends SyncManagerTypes {}

for (const [typeid, factory] of BUILTIN_FACTORIES) SyncManager.register(typeid, factory)

/**
 * Starts a manager's server process and returns the manager (Python's `multiprocessing.Manager()`).
 * Its objects live in that process; their proxies can be handed to children and pool tasks.
 * @example
 * await using manager = await mp.Manager()
 * const d = await manager.dict<string, number>()
 * await d.set('answer', 42)
 */
export async function Manager(options?: ManagerOptions): Promise<SyncManager> {
  // Its proxies only reach this machine's processes: a Unix socket, unless told otherwise.
  const manager = new SyncManager({ address: localAddress('manager'), ...options })
  await manager.start()
  return manager
}
