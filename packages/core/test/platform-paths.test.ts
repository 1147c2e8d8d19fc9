import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest'
import { spawnSync } from 'node:child_process'
import { runProgram } from '@proclab/harness'
import { PLATFORM_PATHS_ENV } from '../src/env.ts'

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))

/** Core's modules as loaded with `PROCLAB_PLATFORM_PATHS=<mode>` (the mode is read when they load). */
async function loadIn(mode: string) {
  vi.stubEnv(PLATFORM_PATHS_ENV, mode)
  vi.resetModules()
  return {
    paths: await import('../src/platform-paths.ts'),
    address: await import('../src/transport/address.ts'),
  }
}

afterEach(() => {
  vi.unstubAllEnvs()
  vi.resetModules()
})

// Each fresh load above made a private folder of this process; a test worker may end without the exit
// event that removes them.
afterAll(() => {
  for (const name of readdirSync(tmpdir())) if (name.startsWith(`proclab-pid${process.pid}-`)) rmSync(join(tmpdir(), name), { recursive: true, force: true })
})

describe('the platform paths mode', () => {
  test('an unknown PROCLAB_PLATFORM_PATHS fails when core loads, saying the values it takes', async () => {
    await expect(loadIn('portible')).rejects.toThrow("PROCLAB_PLATFORM_PATHS is 'portible': set it to 'portable'")
  })

  test.runIf(process.platform === 'linux')('native on Linux: abstract sockets, /dev/shm, the death signal', async () => {
    const { paths, address } = await loadIn('')
    expect([paths.PLATFORM_PATHS_MODE, paths.SHARED_MEMORY_FOLDER, paths.SOCKET_PATH_LIMIT]).toEqual(['native', '/dev/shm', 107])
    expect(address.localAddress('manager')).toMatch(new RegExp(`^\\0proclab-manager-${process.pid}-`))
  })

  test("portable: a socket is a short file in the process's private folder, and no death signal is asked of the kernel", async () => {
    const { paths, address } = await loadIn('portable')
    expect([paths.PLATFORM_PATHS_MODE, paths.SHARED_MEMORY_FOLDER, paths.SOCKET_PATH_LIMIT, paths.DEATH_SIGNAL_PREFIX, paths.PARENT_WATCHDOG]).toEqual([
      'portable',
      null,
      103,
      [],
      true,
    ])
    const first = address.localAddress()
    const manager = address.localAddress('manager')
    expect(dirname(manager)).toBe(dirname(first))
    expect(basename(dirname(first))).toMatch(new RegExp(`^proclab-pid${process.pid}-[A-Za-z0-9]{6}$`))
    expect(dirname(dirname(first))).toBe(tmpdir())
    expect(statSync(dirname(first)).mode & 0o777).toBe(0o700)
    expect([basename(first), basename(manager)]).toEqual(['socket-1', 'manager-2'])
  })

  test('children are launched in the parent’s mode, whatever the variable says by then', async () => {
    const portable = await loadIn('portable')
    expect(portable.paths.withPlatformPaths({ A: '1' })).toEqual({ A: '1', [PLATFORM_PATHS_ENV]: 'portable' })
    const native = await loadIn('native')
    expect(native.paths.withPlatformPaths({ A: '1', [PLATFORM_PATHS_ENV]: 'portable' })).toEqual({ A: '1' })
  })

  test('a private folder left by a process that was killed is removed, with its sockets, when another one is made', async () => {
    const dead = spawnSync('true').pid!
    const orphan = join(tmpdir(), `proclab-pid${dead}-Zz9yY8`)
    const living = join(tmpdir(), `proclab-pid${process.ppid}-Zz9yY8`) // a running process's: kept
    const others = join(tmpdir(), `proclab-${dead}-Zz9yY8`) // named like lesson 21's test data, no pid: kept
    for (const folder of [orphan, living, others]) {
      mkdirSync(folder, { recursive: true })
      writeFileSync(join(folder, 'socket-1'), '')
    }
    try {
      const { address } = await loadIn('portable')
      address.localAddress()
      expect([existsSync(orphan), existsSync(living), existsSync(others)]).toEqual([false, true, true])
    } finally {
      for (const folder of [living, others]) rmSync(folder, { recursive: true, force: true })
    }
  })
})

describe('socket path lengths (macOS: 104 bytes)', () => {
  // Longer than macOS's limit with the private folder and the socket's name added, not by itself.
  const longTmp = () => mkdtempSync(join('/tmp', `${'t'.repeat(70)}-`))

  test('portable: a temp folder too long for a socket path fails up front, naming the path and TMPDIR', async () => {
    const folder = longTmp()
    try {
      const { address } = await loadIn('portable')
      vi.stubEnv('TMPDIR', folder)
      let error: NodeJS.ErrnoException | undefined
      try {
        address.localAddress()
      } catch (thrown) {
        error = thrown as NodeJS.ErrnoException
      }
      expect(error?.code).toBe('ERR_MP_SOCKET_PATH')
      expect(error?.message).toMatch(new RegExp(`^proclab's Unix socket path ${folder}/proclab-pid\\d+-\\w{6}/socket-1 is \\d+ bytes long, but a socket path can be at most 103 bytes`))
      expect(error?.message).toContain(`It is in the temp folder ${folder}, from TMPDIR: set TMPDIR to a shorter folder, e.g. \`export TMPDIR=/tmp\`.`)
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })

  test('portable: a program whose queue is shared under such a TMPDIR exits with that error, not a bare EINVAL', async () => {
    const folder = longTmp()
    try {
      const run = await runProgram(fixture('queue-basic.ts'), { env: { TMPDIR: folder, [PLATFORM_PATHS_ENV]: 'portable' } })
      expect(run.exitCode).not.toBe(0)
      expect(run.stderr).toContain('set TMPDIR to a shorter folder')
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })

  test('a socket path given as an address is checked too', async () => {
    const { address } = await loadIn('portable')
    expect(() => address.validAddress(`/tmp/${'s'.repeat(100)}.sock`, 'BaseManager()')).toThrow(
      /^BaseManager\(\) got the Unix socket path \/tmp\/s+\.sock, 110 bytes long; a socket path can be at most 103 bytes here\. Choose a shorter path/,
    )
  })
})
