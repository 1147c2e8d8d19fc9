/**
 * What the tools around proclab (the harness, the CLI, the cluster) share with it, as
 * `@proclab/core/tooling`: the environment variables they set, the line format of the trace they read,
 * where a function was defined (the cluster finds a task's module as core finds a target's), how an
 * executor's map() submits and yields and how a pool's imap reads its input (the cluster's executor and
 * pool do as core's do), how files left by a killed process are swept (the harness names its run folders
 * as core names its own), and
 * whether proclab runs on this platform (the CLI refuses Windows first, in core's words). A small entry
 * of its own, so that reading these loads nothing else of proclab.
 */
export { TRACE_ENV, SEED_ENV } from './env.ts'
export type { TraceEvent, TraceEventName, TraceSubject } from './transport/messages.ts'
export { WINDOWS_GUIDANCE, isSupportedPlatform } from './platform.ts'
export { definingScript } from './spawn/function-location.ts'
export { mapFutures } from './futures/map.ts'
export { chunkReader, Feed, type FeedOptions, type ReadChunk } from './pool-feed.ts'
export { removeOrphans } from './orphan-files.ts'
