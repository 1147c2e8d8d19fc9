import { existsSync } from 'node:fs'
import { PLATFORM_PATHS_ENV } from './env.ts'

/**
 * Every choice core makes by platform, made here and only here: where sockets listen, where shared
 * memory lives, how a child is made to die with its parent, and which libc to call. Linux has kernel
 * features the others lack (abstract sockets, /dev/shm, the parent-death signal); the portable
 * branches use only what macOS and the BSDs have too. `PROCLAB_PLATFORM_PATHS=portable` takes the
 * portable branches on Linux, so that CI runs them; the mode is read once, when core loads, and
 * children are launched in their parent's mode (see {@link withPlatformPaths}).
 */

export type PlatformPathsMode = 'native' | 'portable'

function chosenMode(): PlatformPathsMode {
  const asked = process.env[PLATFORM_PATHS_ENV]
  if (asked === undefined || asked === '' || asked === 'native') return 'native'
  if (asked === 'portable') return 'portable'
  throw new Error(
    `${PLATFORM_PATHS_ENV} is '${asked}': set it to 'portable' (the paths proclab takes on macOS, on any system) ` +
      `or 'native' (this system's own), or leave it unset.`,
  )
}

/** The mode this process was loaded in. */
export const PLATFORM_PATHS_MODE: PlatformPathsMode = chosenMode()

/** Whether Linux's own features are used: on Linux, unless the portable mode is asked for. */
const LINUX_NATIVE = process.platform === 'linux' && PLATFORM_PATHS_MODE === 'native'

/**
 * Sockets in Linux's abstract namespace (`\0name`): no file, nothing to remove. Elsewhere a socket is
 * a file (in this process's private folder, see private-folder.ts).
 */
export const ABSTRACT_SOCKETS = LINUX_NATIVE

/**
 * The longest Unix socket path, in bytes: `sun_path` holds 108 bytes on Linux, 104 on macOS and the
 * BSDs, the terminating NUL included. The portable mode keeps macOS's limit, so a path too long there
 * fails here too.
 */
export const SOCKET_PATH_LIMIT = LINUX_NATIVE ? 107 : 103

/**
 * Where shared memory segments are files: /dev/shm, Linux's RAM file system; elsewhere (no /dev/shm)
 * `null`, meaning this process's private folder in the temp folder.
 */
export const SHARED_MEMORY_FOLDER: string | null = LINUX_NATIVE ? '/dev/shm' : null

const SETPRIV = '/usr/bin/setpriv'

/**
 * What a child's command is prefixed with so the kernel kills it the moment its parent dies, even by
 * SIGKILL, even while it is busy: setpriv (util-linux) sets PR_SET_PDEATHSIG, then execs Node under
 * the same pid. Empty where there is no such signal (or no setpriv); children then watch their
 * parent themselves ({@link PARENT_WATCHDOG}).
 */
export const DEATH_SIGNAL_PREFIX: readonly string[] = LINUX_NATIVE && existsSync(SETPRIV) ? [SETPRIV, '--pdeathsig', 'KILL', '--'] : []

/** Whether a child must watch for its parent's death itself (spawn/parent-watchdog.ts). */
export const PARENT_WATCHDOG = DEATH_SIGNAL_PREFIX.length === 0

const LIBC: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'libc.so.6',
  darwin: 'libSystem.dylib',
  freebsd: 'libc.so.7',
  openbsd: 'libc.so',
}

/** The C library koffi loads mmap from: the system's own in either mode (it is no path choice). */
export const LIBC_NAME = LIBC[process.platform] ?? 'libc.so.6'

/** `env` for a child: the variable set to this process's mode, so that parent and child agree on every path. */
export function withPlatformPaths(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { [PLATFORM_PATHS_ENV]: _, ...rest } = env
  return PLATFORM_PATHS_MODE === 'portable' ? { ...rest, [PLATFORM_PATHS_ENV]: 'portable' } : rest
}
