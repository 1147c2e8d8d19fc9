import type { Connection } from '../pipes/connection.ts'
import { importExport } from '../spawn/targets.ts'
import { serializeError, type Address, type SerializedError, type TargetRef } from '../transport/index.ts'
import { BUILTIN_FACTORIES } from './builtins.ts'
import { ManagerServer, type Factory } from './server.ts'

/**
 * The process `BaseManager.start()` starts: it serves the manager's objects until a client asks it to
 * shut down. A build entry of its own, so a child finds `managerProcess` by its exported name.
 */

/** How the child makes each typeid: a built-in type, or a user's exported function. */
export type TypeidSource = { builtin: string } | { ref: TargetRef }

export interface ManagerProcessConfig {
  address: Address
  /** Hex, as it crossed to the child. */
  authkey: string
  typeids: [string, TypeidSource][]
}

/** Serves a manager; sends its address (or why it could not listen) on `ready` once it listens. */
export async function managerProcess(config: ManagerProcessConfig, ready: Connection<{ address: Address } | { error: SerializedError }>): Promise<void> {
  let server: ManagerServer
  try {
    const factories = new Map<string, Factory>()
    for (const [typeid, source] of config.typeids) {
      factories.set(typeid, 'builtin' in source ? BUILTIN_FACTORIES.get(source.builtin)! : await importExport<Factory>(source.ref))
    }
    server = new ManagerServer({ address: config.address, authkey: Buffer.from(config.authkey, 'hex'), factories })
    await ready.send({ address: await server.listen() })
  } catch (error) {
    await ready.send({ error: serializeError(error) })
    return
  }
  await server.serveForever()
}
