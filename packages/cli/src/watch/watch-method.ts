import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/** How watch mode notices a save: file-system events, a stat loop, or the learner pressing Enter. */
export type WatchMethod = 'events' | 'polling' | 'manual'

/** Why polling was chosen over events, for the learner (a message key's parameters). */
export type PollingReason = { kind: 'asked' } | { kind: 'wsl'; dir: string } | { kind: 'network'; fsType: string; mount: string }

/** File systems whose changes made elsewhere (another machine, Windows) send no events to this one. */
const REMOTE_FS = new Set(['nfs', 'nfs4', 'cifs', 'smb3', 'smbfs', '9p', 'drvfs', 'fuse.sshfs', 'sshfs', 'davfs', 'fuse.davfs2', 'afs', 'ceph', 'glusterfs', 'fuse.glusterfs', 'virtiofs', 'vboxsf', 'prl_fs', 'fuse.vmhgfs-fuse'])

/** What the system says about itself, read from /proc on Linux (empty elsewhere). */
export interface SystemFacts {
  /** The text of /proc/version: it names "microsoft" under WSL. */
  procVersion: string
  /** The text of /proc/mounts. */
  mounts: string
}

/** Reads {@link SystemFacts}; missing files (not Linux) read as empty. */
export function readSystemFacts(): SystemFacts {
  const read = (file: string) => {
    try {
      return readFileSync(file, 'utf8')
    } catch {
      return ''
    }
  }
  return { procVersion: read('/proc/version'), mounts: read('/proc/mounts') }
}

/**
 * Whether `dir` must be polled rather than watched with fs.watch: a Windows drive under WSL
 * (`/mnt/c/…`) or a network file system, where an editor's saves raise no file-system event.
 * @example pollingReason('/mnt/c/Users/ada/course', facts) // { kind: 'wsl', dir: '/mnt/c/Users/ada/course' }
 */
export function pollingReason(dir: string, facts: SystemFacts): PollingReason | undefined {
  const path = resolve(dir)
  if (/microsoft/i.test(facts.procVersion) && /^\/mnt\/[a-z](\/|$)/i.test(path)) return { kind: 'wsl', dir: path }
  const mount = mountOf(path, facts.mounts)
  if (mount && REMOTE_FS.has(mount.fsType)) return { kind: 'network', ...mount }
  return undefined
}

/** The mount holding `path`: the longest mount point that contains it. */
function mountOf(path: string, mounts: string): { mount: string; fsType: string } | undefined {
  let best: { mount: string; fsType: string } | undefined
  for (const line of mounts.split('\n')) {
    const [, point, fsType] = line.split(' ')
    if (!point || !fsType) continue
    // /proc/mounts writes spaces in paths as \040.
    const mount = point.replace(/\\040/g, ' ')
    const contains = mount === '/' || path === mount || path.startsWith(`${mount}/`)
    if (contains && (!best || mount.length > best.mount.length)) best = { mount, fsType }
  }
  return best
}
