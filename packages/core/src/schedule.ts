import { currentProcess } from './current.ts'
import { SEED_ENV } from './env.ts'
import { sleepSync } from './timeouts.ts'

/**
 * Replayable schedules: with `PROCLAB_SEED=<n>`, every proclab process pauses for a short, seeded
 * while (0–3 ms) where the order between processes can change: at spawn, join, queue and pipe
 * operations and lock acquisition. A program with a race shows it under some seeds; the same seed
 * gives each process (known by its place in the tree, not its pid) the same pauses again, so a
 * failure found under a seed can be replayed. Without the variable, nothing is paused.
 */

const MAX_PAUSE_MS = 3

const given = process.env[SEED_ENV]
/** True when a seed is set: call sites check this before anything else, so no seed costs one branch. */
export const seeded = given !== undefined && given !== '' && Number.isInteger(Number(given))

let state: number | undefined

/** The next pause in ms, from a generator seeded by the seed and this process's identity (mulberry32). @internal */
export function nextPause(): number {
  state ??= hash(`${given}:${currentProcess().identity.join('.')}`)
  state = (state + 0x6d2b79f5) | 0
  let t = Math.imul(state ^ (state >>> 15), 1 | state)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return (((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * MAX_PAUSE_MS
}

function hash(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return h
}

/** A seeded pause before an operation whose order against other processes matters. */
export function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, nextPause()))
}

/** The same, for a synchronous call (`Process.start()`). */
export function pauseSync(): void {
  sleepSync(nextPause())
}
