/** How served objects tell the manager's server what proxies may call, and who is calling. */

/** Marks served objects whose methods take the calling connection as their first argument. */
export const TAKES_CALLER = Symbol.for('proclab.takesCaller')

/** On a served class: the only methods proxies may call (others are for the server's own use). */
export const EXPOSED = Symbol.for('proclab.exposed')

/** A connection to the server, as the objects it calls see it. */
export interface Caller {
  /** Runs `listener` when the connection closes (its process ended or died). */
  onGone(listener: () => void): void
}
