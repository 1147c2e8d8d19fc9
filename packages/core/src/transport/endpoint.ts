import { createConnection, createServer, type Server } from 'node:net'
import { localAddress, removeSocketFile } from './address.ts'
import { Link, type Incoming } from './link.ts'
import type { ObjectMessage } from './messages.ts'

/**
 * This process's endpoint for shared objects: the objects it created (queues, pipe ends) are served
 * from here, and other processes' objects are reached by connecting straight to their creator.
 * Nothing is listened on or connected until a shared object is first used across processes.
 */

/**
 * What serves an object this process owns (or reads for its owner): it gets every message about the
 * object, of the kinds `M` its family declares in messages.ts, from the process at the other end of `link`.
 */
export type Servant<M extends ObjectMessage> = (message: M, link: Link) => void

// A message's id names the object, and each object's messages are of its servant's kinds.
const servants = new Map<string, Servant<never>>()
const links = new Map<string, Link>()
/** Incoming links by the pid that said hello on them. */
const linksFrom = new Map<number, Link>()
/** Every link, outgoing and incoming, so that batched messages are written before this process exits. */
const allLinks = new Set<Link>()
let server: Server | undefined
let address: string | undefined
let objectsCreated = 0

/** A new id for an object this process owns. */
export function newObjectId(): string {
  return `${process.pid}.${++objectsCreated}`
}

/** Registers the servant of an owned object, and returns this process's address for handles. */
export function serve<M extends ObjectMessage>(id: string, servant: Servant<M>): string {
  servants.set(id, servant)
  return listen()
}

/** Registers what handles messages an owner sends to this process about `id` (data for a pipe end it reads). */
export function receive<M extends ObjectMessage>(id: string, servant: Servant<M>): void {
  servants.set(id, servant)
}

/** Connections still being made; see {@link connected}. */
const connecting = new Set<Promise<unknown>>()

/** The link to the process listening at `peer` (one per peer, shared by all its objects). */
export function linkTo(peer: string): Link {
  const known = links.get(peer)
  if (known && !known.closed) return known
  const socket = createConnection(peer)
  const connected = new Promise((resolve) => {
    socket.once('connect', resolve)
    socket.once('close', resolve)
  })
  connecting.add(connected)
  void connected.then(() => connecting.delete(connected))
  const link = track(new Link(socket, dispatch, { confirmSends: true }))
  links.set(peer, link)
  link.send({ kind: 'hello', pid: process.pid })
  return link
}

/**
 * Resolves once every link this process has opened is connected (or failed). A child waits for it
 * before running its target, so that what it sends before exiting, even with process.exit(), is
 * written at exit to a connected socket rather than dropped.
 */
export async function connected(): Promise<void> {
  await Promise.all(connecting)
}

/**
 * Runs `then` once everything process `pid` (which has exited) sent here has been read: when its link
 * has closed, or at once if it never connected. When the exit is learned, its connection, its last
 * data and its end are already waiting in the kernel, so a few turns of the event loop see them all.
 */
export function afterPeerExit(pid: number, then: () => void): void {
  let turns = 3
  const look = () => {
    const link = linksFrom.get(pid)
    if (link) link.onClose(then)
    else if (--turns > 0) setImmediate(look)
    else then()
  }
  setImmediate(look)
}

/** This process's address, listening from now on. */
function listen(): string {
  if (address) return address
  const bound = (address = localAddress())
  server = createServer((socket) => track(new Link(socket, dispatch)))
  server.listen(bound) // bound synchronously: a child started right after can connect
  server.unref()
  process.once('exit', () => removeSocketFile(bound))
  return bound
}

function track(link: Link): Link {
  allLinks.add(link)
  link.onClose(() => allLinks.delete(link))
  return link
}

function dispatch(message: Incoming, link: Link): void {
  switch (message.kind) {
    case 'hello': {
      const pid = message.pid
      link.peerPid = pid
      linksFrom.set(pid, link)
      link.onClose(() => linksFrom.get(pid) === link && linksFrom.delete(pid))
      return
    }
    case 'sync':
      return link.reply(message.seq, { synced: true })
    case 'create':
    case 'call':
    case 'shutdown':
      return // a manager's request, on a link that is not to a manager: dropped, like any stray message
    default: {
      // An object closed by its owner: the peer learns it from the reply it does not get, or from EOF.
      const servant = servants.get(message.id) as Servant<typeof message> | undefined
      servant?.(message, link)
    }
  }
}

/**
 * Writes what is batched and closes every link at once, for a process that is exiting but still
 * waits for its children (children.ts): its event loop no longer runs, so it could not answer them;
 * disconnected, they learn at once that its objects are gone instead of waiting for answers forever.
 * Nothing connects to it any more either.
 */
export function disconnectAll(): void {
  for (const link of allLinks) {
    link.flush()
    link.destroy()
  }
  // A child that connected after the last turn of the event loop is still in the listener's backlog,
  // unknown here: closing the listener (at once, even at exit) resets its connection, so it learns too.
  server?.close()
}

// Messages still batched when the process exits would be lost: write them now.
process.on('exit', () => {
  for (const link of allLinks) link.flush()
})
