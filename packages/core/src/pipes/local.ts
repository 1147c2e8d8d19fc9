import { OWNER, type EndAccess, type Inbox, type PipeCore } from './core.ts'
import type { PipeEnd } from '../transport/index.ts'

/** One end of a pipe as its owner reaches it: the pipe's own state, with no message. */
export class LocalEnd implements EndAccess {
  readonly #inbox: Inbox

  constructor(
    readonly core: PipeCore,
    readonly end: PipeEnd,
  ) {
    this.#inbox = { state: core.ends[end], eof: () => core.writerGone(end) }
  }

  send(value: unknown, copy: boolean): undefined {
    this.core.send(this.end, value, copy ? structuredClone : undefined)
  }

  inbox(): Inbox {
    return this.#inbox
  }

  whileWaiting(wait: Promise<void>): Promise<void> {
    return wait
  }

  close(): void {
    this.core.release(this.end, OWNER)
  }

  heldByChild(pid: number, exited: Promise<unknown>): void {
    this.core.hold(this.end, `pid:${pid}`)
    void exited.then(() => this.core.releaseAfterExit(this.end, pid))
  }
}
