import { rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inspect } from 'node:util'
import { withCode } from '../errors.ts'
import { ABSTRACT_SOCKETS, SOCKET_PATH_LIMIT } from '../platform-paths.ts'
import { privateFolder } from '../private-folder.ts'

/**
 * Where a process listens: `[host, port]` over TCP (a manager for other machines), or a Unix socket
 * path (every process's endpoint, and a Manager for this machine's processes: about a third faster per
 * call than TCP, and reachable from nowhere else). On Linux the path is in the abstract namespace,
 * which leaves no file behind (platform-paths.ts chooses). A new transport starts here: an address form, then one listen and one
 * connect for it.
 */
export type Address = [host: string, port: number] | string

/** Checks an `address` option and returns a copy. */
export function validAddress(address: unknown, api: string): Address {
  if (typeof address === 'string' && address.length > 0) {
    const bytes = Buffer.byteLength(address)
    if (bytes <= SOCKET_PATH_LIMIT) return address
    throw withCode(
      new RangeError(`${api} got the Unix socket path ${address}, ${bytes} bytes long; a socket path can be at most ${SOCKET_PATH_LIMIT} bytes here. Choose a shorter path (e.g. in /tmp).`),
      'ERR_MP_INVALID_ARG',
    )
  }
  if (Array.isArray(address) && address.length === 2 && typeof address[0] === 'string' && Number.isInteger(address[1]) && address[1] >= 0 && address[1] <= 65535) {
    return [address[0], address[1]]
  }
  throw withCode(
    new TypeError(`${api} expects \`address\` as [host, port], e.g. ['127.0.0.1', 50000] (or a Unix socket path); got ${inspect(address)}.`),
    'ERR_MP_INVALID_ARG',
  )
}

let socketsMade = 0

/**
 * A new Unix socket address on this machine: in the abstract namespace, `proclab-<role>-<pid>-<random>`
 * (`role` e.g. `manager`); elsewhere a file `<role>-<n>` in this process's private folder, whose
 * length is checked now, so that a temp folder too long for a socket path is named in the error
 * rather than failing later with a bare EINVAL or ENAMETOOLONG.
 */
export function localAddress(role?: string): string {
  if (ABSTRACT_SOCKETS) return `\0proclab-${role ? `${role}-` : ''}${process.pid}-${Math.random().toString(36).slice(2, 10)}`
  const path = join(privateFolder(), `${role ?? 'socket'}-${++socketsMade}`)
  const bytes = Buffer.byteLength(path)
  if (bytes > SOCKET_PATH_LIMIT) {
    throw withCode(
      new Error(
        `proclab's Unix socket path ${path} is ${bytes} bytes long, but a socket path can be at most ${SOCKET_PATH_LIMIT} bytes ` +
          `(macOS's limit). It is in the temp folder ${tmpdir()}, from TMPDIR: set TMPDIR to a shorter folder, e.g. \`export TMPDIR=/tmp\`.`,
      ),
      'ERR_MP_SOCKET_PATH',
    )
  }
  return path
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
