/**
 * The environment variables proclab reads, named once: core reads them, and the harness and the CLI
 * set them (through `@proclab/core/tooling`).
 */

/** Names the file every proclab process of a program appends its trace events to (JSON lines). */
export const TRACE_ENV = 'PROCLAB_TRACE'

/** The offset from the monotonic clock to the epoch, taken by a traced program's first process and inherited by the rest. */
export const TRACE_EPOCH_ENV = 'PROCLAB_TRACE_EPOCH'

/** A whole number that replays one schedule of seeded pauses (see schedule.ts). */
export const SEED_ENV = 'PROCLAB_SEED'

/**
 * `portable` makes every platform-dependent choice take its macOS/BSD branch on Linux too (socket
 * files, shared memory files in a temp folder, a parent watchdog instead of the death signal), so
 * those branches are tested here; unset (or `native`), each platform takes its own. See platform-paths.ts.
 */
export const PLATFORM_PATHS_ENV = 'PROCLAB_PLATFORM_PATHS'
