import { watch, readdirSync, statSync, type FSWatcher } from 'node:fs'
import { join } from 'node:path'

/** How long a burst of file events (an editor's save is several) is left to settle before a check. */
export const DEBOUNCE_MS = 150
/** How often polling looks at the folder. */
export const POLL_INTERVAL_MS = 500

/** Editor droppings and folders that are not the learner's lesson files. */
export function isIgnored(name: string): boolean {
  return (
    name === 'node_modules' ||
    name === 'solution.ts' ||
    name === '4913' || // vim's probe file
    name.startsWith('.') ||
    name.endsWith('~') ||
    /\.(swp|swx|tmp)$/.test(name)
  )
}

/**
 * A fingerprint of the lesson folder's files (names, sizes, modification times): it changes when a
 * file is saved, created or deleted, and not on events that changed nothing.
 */
export function folderSignature(dir: string): string {
  let entries: string[]
  try {
    entries = readdirSync(dir)
  } catch {
    return ''
  }
  return entries
    .filter((name) => !isIgnored(name))
    .sort()
    .map((name) => {
      try {
        const stat = statSync(join(dir, name))
        return stat.isFile() ? `${name}:${stat.size}:${stat.mtimeMs}` : ''
      } catch {
        return '' // deleted between readdir and stat
      }
    })
    .join('\n')
}

/** A running watch on one folder. */
export interface FolderWatcher {
  close(): void
}

/**
 * Calls `onChange` once a burst of changes in `dir` has settled. `events` uses fs.watch and falls back
 * to polling if the platform refuses it (`onFallback` says why); `polling` compares
 * {@link folderSignature} every {@link POLL_INTERVAL_MS}.
 */
export function watchFolder(
  dir: string,
  method: 'events' | 'polling',
  onChange: () => void,
  onFallback: (error: Error) => void,
): FolderWatcher {
  let timer: NodeJS.Timeout | undefined
  const settled = () => {
    clearTimeout(timer)
    timer = setTimeout(onChange, DEBOUNCE_MS)
  }
  let stop = method === 'events' ? watchEvents(dir, settled, fallback) : poll(dir, settled)
  function fallback(error: Error) {
    stop()
    onFallback(error)
    stop = poll(dir, settled)
  }
  return {
    close() {
      clearTimeout(timer)
      stop()
    },
  }
}

function watchEvents(dir: string, onEvent: () => void, onError: (error: Error) => void): () => void {
  let watcher: FSWatcher
  try {
    watcher = watch(dir, (_event, name) => {
      if (name === null || !isIgnored(String(name))) onEvent()
    })
  } catch (error) {
    // Thrown synchronously (ENOSPC: out of inotify watches, EPERM…): poll instead, after this call returns.
    const failure = error as Error
    let cancelled = false
    queueMicrotask(() => cancelled || onError(failure))
    return () => (cancelled = true)
  }
  watcher.on('error', onError)
  return () => watcher.close()
}

function poll(dir: string, onChange: () => void): () => void {
  let last = folderSignature(dir)
  const interval = setInterval(() => {
    const now = folderSignature(dir)
    if (now !== last) {
      last = now
      onChange()
    }
  }, POLL_INTERVAL_MS)
  return () => clearInterval(interval)
}
