import { lazy } from '../lazy-require.ts'

/**
 * Where no kernel signal kills a child when its parent dies (macOS, the BSDs, the portable mode), the
 * child watches for it: a SIGKILLed parent closes no IPC channel in a way a busy child would notice,
 * since a child looping in its target never runs its event loop. So the watch runs on a thread of its
 * own, which looks at the parent pid every {@link LOOK_EVERY_MS} ms: when the parent dies the child is
 * re-parented (to init or a subreaper) at once, and the thread then ends the whole process with
 * SIGKILL, as Linux's death signal would. The thread costs about 11 MB and never keeps the child alive.
 */

const LOOK_EVERY_MS = 100
// Loaded only where a child starts the watch: under the kernel's death signal no child loads worker_threads.
const workerThreads = lazy<typeof import('node:worker_threads')>('node:worker_threads')

// Plain JavaScript evaluated in the thread: it loads no module of proclab or of the user's.
const WATCH = `
const { workerData } = require('node:worker_threads')
setInterval(() => { if (process.ppid !== workerData.parent) process.kill(process.pid, 'SIGKILL') }, workerData.every)
`

/** Starts watching the parent this process has now; it is SIGKILLed within LOOK_EVERY_MS of that parent's death. */
export function watchParent(): void {
  const watcher = new (workerThreads().Worker)(WATCH, { eval: true, workerData: { parent: process.ppid, every: LOOK_EVERY_MS } })
  watcher.unref()
  // A thread that failed to start leaves the IPC-disconnect fallback (bootstrap.ts).
  watcher.on('error', () => {})
}
