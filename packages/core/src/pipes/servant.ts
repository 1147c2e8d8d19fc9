import { unknownMessage, type Servant, type Link, type PipeEnd, type PipeMessage } from '../transport/index.ts'
import type { HolderKey, PipeCore } from './core.ts'

/** How the owner answers other processes about one pipe. */
export function pipeServant(core: PipeCore): Servant<PipeMessage> {
  // Holders registered through a link end when it closes: that process (and its children) are gone.
  const heldThrough = new Map<Link, Set<string>>()
  return (message, link) => {
    const end: PipeEnd = message.end
    switch (message.kind) {
      case 'c.send':
        return core.send(end, message.value, undefined) // already a fresh copy, made by deserializing
      case 'c.sub':
        return core.subscribe(end, link, message.reader)
      case 'c.hold': {
        const key = message.key
        core.hold(end, key)
        let keys = heldThrough.get(link)
        if (!keys) {
          heldThrough.set(link, (keys = new Set()))
          link.onClose(() => {
            for (const held of keys!) core.release(Number(held[0]) as 0 | 1, held.slice(2))
          })
        }
        keys.add(`${end}:${key}`)
        return
      }
      case 'c.release': {
        const key = message.key
        heldThrough.get(link)?.delete(`${end}:${key}`)
        // From the holder itself, in order after its data; from the process that started it, on its exit.
        if (link.peerPid !== undefined && key !== `pid:${link.peerPid}`) return core.releaseAfterExit(end, Number(key.slice(4)))
        return core.release(end, key)
      }
      default:
        return unknownMessage(message, 'A pipe')
    }
  }
}
