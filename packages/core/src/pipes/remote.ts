import { Deque } from '../deque.ts'
import { bulkBytes } from '../reduction.ts'
import { linkTo, newObjectId, receive, unknownMessage, type Link, type PipeEnd, type PipeReaderMessage } from '../transport/index.ts'
import type { EndAccess, Inbox } from './core.ts'

/**
 * One end of a pipe as another process reaches it: messages to the pipe's owner over one link. A
 * reader subscribes once; from then on the owner pushes the end's values, and EOF, to this process.
 */
export class RemoteEnd implements EndAccess {
  readonly core = undefined
  readonly #link: Link
  #inbox: Inbox | undefined

  constructor(
    readonly pipe: string,
    readonly end: PipeEnd,
    owner: string,
  ) {
    this.#link = linkTo(owner)
  }

  send(value: unknown): Promise<void> {
    this.#link.send({ kind: 'c.send', id: this.pipe, end: this.end, value }, bulkBytes(value))
    return this.#link.drained()
  }

  inbox(): Inbox {
    return (this.#inbox ??= this.#subscribe())
  }

  whileWaiting(wait: Promise<void>): Promise<void> {
    this.#link.hold()
    return wait.finally(() => this.#link.release())
  }

  close(): void {
    this.#link.send({ kind: 'c.release', id: this.pipe, end: this.end, key: `pid:${process.pid}` })
  }

  heldByChild(pid: number, exited: Promise<unknown>): void {
    const key = `pid:${pid}`
    this.#link.send({ kind: 'c.hold', id: this.pipe, end: this.end, key })
    void exited.then(() => this.#link.send({ kind: 'c.release', id: this.pipe, end: this.end, key }))
  }

  #subscribe(): Inbox {
    const state = { inbox: new Deque<unknown>(), waiting: new Set<() => void>() }
    let ended = false
    const wake = () => {
      for (const resume of state.waiting) resume()
      state.waiting.clear()
    }
    const reader = newObjectId()
    receive<PipeReaderMessage>(reader, (message) => {
      switch (message.kind) {
        case 'c.data':
          state.inbox.push(message.value)
          break
        case 'c.eof':
          ended = true
          break
        default:
          return unknownMessage(message, 'A pipe reader')
      }
      wake()
    })
    // The owner gone is the other end gone too.
    this.#link.onClose(() => {
      ended = true
      wake()
    })
    this.#link.send({ kind: 'c.sub', id: this.pipe, end: this.end, reader })
    return { state, eof: () => ended }
  }
}
