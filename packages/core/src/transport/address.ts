import { rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inspect } from 'node:util'
import { withCode } from '../errors.ts'

/**
 * Where a process listens: `[host, port]` over TCP (a manager for other machines), or a Unix socket
 * path (every process's endpoint, and a Manager for this machine's processes: about a third faster per
 * call than TCP, and reachable from nowhere else). On Linux the path is in the abstract namespace,
 * which leaves no file behind. A new transport starts here: an address form, then one listen and one
 * connect for it.
 */
export type Address = [host: string, port: number] | string

/** Checks an `address` option and returns a copy. */
export function validAddress(address: unknown, api: string): Address {
  if (typeof address === 'string' && address.length > 0) return address
  if (Array.isArray(address) && address.length === 2 && typeof address[0] === 'string' && Number.isInteger(address[1]) && address[1] >= 0 && address[1] <= 65535) {
    return [address[0], address[1]]
  }
  throw withCode(
    new TypeError(`${api} expects \`address\` as [host, port], e.g. ['127.0.0.1', 50000] (or a Unix socket path); got ${inspect(address)}.`),
    'ERR_MP_INVALID_ARG',
  )
}

/**
 * A new Unix socket address on this machine: `proclab-<pid>-<random>` (with `role`, e.g. `manager`,
 * after `proclab-`), in the abstract namespace on Linux, elsewhere a file in the temp folder.
 */
export function localAddress(role?: string): string {
  const name = `proclab-${role ? `${role}-` : ''}${process.pid}-${Math.random().toString(36).slice(2, 10)}`
  return process.platform === 'linux' ? `\0${name}` : join(tmpdir(), `${name}.sock`)
}

/** What `net` takes to listen on or connect to `address`. */
export function socketOptions(address: Address): { host: string; port: number } | { path: string } {
  return typeof address === 'string' ? { path: address } : { host: address[0], port: address[1] }
}

/** Removes a Unix socket file when its server stops (abstract addresses have none). */
export function removeSocketFile(address: Address): void {
  if (typeof address === 'string' && !address.startsWith('\0')) rmSync(address, { force: true })
}

/** `127.0.0.1:50000`, or the socket's name. */
export function describeAddress(address: Address): string {
  return typeof address === 'string' ? `unix socket ${address.replace('\0', '@')}` : `${address[0]}:${address[1]}`
}
