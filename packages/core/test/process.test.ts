import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import * as mp from '@proclab/core'
import { killLeftoversAfterEach } from './helpers.ts'
import { PARENT_WATCHDOG } from '../src/platform-paths.ts'
import { checkEnvironment, checkValues, exitIfLoaded, exitWith, fail, forever, Greeter, makeHidden, rejectLater, slowExit } from './fixtures/targets.ts'

/** Starts a process on `target` and waits for it. */
async function runToEnd(target: (...args: any[]) => unknown, args: unknown[] = []): Promise<mp.Process> {
  const p = new mp.Process({ target, args })
  p.start()
  await p.join()
  return p
}

// A test that fails half-way must not leave its children running.
killLeftoversAfterEach()

describe('exit codes', () => {
  test.each([
    ['a target that returns', 0, slowExit, [1, 0]],
    ['process.exitCode = 4', 4, slowExit, [1, 4]],
    ['process.exit(3)', 3, exitWith, [3]],
    ['an uncaught error', 1, fail, ['boom']],
    ['a rejected promise', 1, rejectLater, ['late']],
  ])('%s gives exit code %i', async (_, code, target, args) => {
    const p = await runToEnd(target as (...args: any[]) => unknown, args)
    expect(p.exitCode).toBe(code)
    expect(p.isAlive()).toBe(false)
  })

  test.each([
    ['terminate', (p: mp.Process) => p.terminate(), -15, '-SIGTERM'],
    ['kill', (p: mp.Process) => p.kill(), -9, '-SIGKILL'],
  ])('%s() gives a negative signal number', async (_, stop, code, name) => {
    const p = new mp.Process({ target: forever })
    p.start()
    expect(p.isAlive()).toBe(true)
    stop(p)
    await p.join()
    expect(p.exitCode).toBe(code)
    expect(String(p)).toMatch(new RegExp(`stopped exitcode=${name}>$`))
  })
})

describe('join', () => {
  test('join(timeout) returns with exitCode null while the child still runs', async () => {
    const p = new mp.Process({ target: forever })
    p.start()
    await p.join(50)
    expect(p.exitCode).toBeNull()
    expect(p.isAlive()).toBe(true)
    p.terminate()
    await p.join()
    expect(p.exitCode).toBe(-15)
  })

  test.each([Number.NaN, '10'])('join rejects timeout %o', async (timeout) => {
    const p = new mp.Process({ target: slowExit, args: [1, 0] })
    p.start()
    await expect(p.join(timeout as number)).rejects.toThrow(/`timeout` to be a number of milliseconds/)
    await p.join()
  })
})

describe('misuse throws StateError', () => {
  test('start twice', async () => {
    const p = new mp.Process({ target: slowExit, args: [1, 0] })
    p.start()
    expect(() => p.start()).toThrow(mp.StateError)
    expect(() => p.start()).toThrow(/cannot start Process-\d+ twice/)
    await p.join()
  })

  test('join before start', async () => {
    const p = new mp.Process({ target: slowExit, args: [1, 0] })
    await expect(p.join()).rejects.toThrow(/cannot wait for Process-\d+: it was never started\. Call start\(\) first\./)
  })

  test('close while running, and use after close', async () => {
    const p = new mp.Process({ target: forever })
    p.start()
    expect(() => p.close()).toThrow(/it is still running\. Call join\(\) \(or terminate\(\)\) first/)
    p.kill()
    await p.join()
    p.close()
    expect(() => p.isAlive()).toThrow(mp.StateError)
    expect(String(p)).toContain(' closed')
  })

  test('daemon cannot change after start', async () => {
    const p = new mp.Process({ target: slowExit, args: [1, 0] })
    p.start()
    expect(() => (p.daemon = true)).toThrow(/Set daemon before start\(\)/)
    await p.join()
  })
})

describe('what crosses to the child', () => {
  test('structured-clone values arrive intact', async () => {
    const values = { map: new Map([['a', 1]]), set: new Set([2]), date: new Date(86_400_000), big: 2n ** 64n, bytes: new Uint8Array([1, 2, 3]) }
    expect((await runToEnd(checkValues, [values])).exitCode).toBe(0)
  })

  test.each([
    [[1, { onDone: () => {} }], 'args[1].onDone is a function (onDone)'],
    [[{ items: [0, 1, 2, Symbol('x')] }], 'args[0].items[3] is a symbol (Symbol(x))'],
    [[new Map([['k', { f: Math.max }]])], 'args[0].get("k").f is a function (max)'],
    [[Promise.resolve(1)], 'args[0] is a Promise'],
  ])('args %o fail at start() naming the path', (args, message) => {
    const p = new mp.Process({ target: slowExit, args })
    expect(() => p.start()).toThrow(TypeError)
    expect(() => p.start()).toThrow(`Process.start() cannot send the arguments: ${message}`)
    expect(p.pid).toBeUndefined()
  })

  test("a subclass's field that cannot cross is named", () => {
    const p = new Greeter('ada')
    Object.assign(p, { onDone: () => {} })
    expect(() => p.start()).toThrow("Process.start() cannot send the process object's fields: this.onDone is a function (onDone)")
  })

  test('a subclass sends its fields, and run() sees its own pid', async () => {
    const p = new Greeter('ada')
    expect(p.name).toMatch(/^Greeter-\d+$/)
    p.start()
    await p.join()
    expect(p.exitCode).toBe(0)
  })
})

describe('spawn semantics', () => {
  test('a child sees the environment and working directory of the parent at start(), even from a warm spare', async () => {
    const before = process.cwd()
    expect((await runToEnd(checkEnvironment, ['PROCLAB_TEST_VALUE', 'undefined', before])).exitCode).toBe(6) // a spare is now warm
    process.env.PROCLAB_TEST_VALUE = 'set after the spare started'
    process.chdir(fileURLToPath(new URL('./fixtures', import.meta.url)))
    try {
      const p = await runToEnd(checkEnvironment, ['PROCLAB_TEST_VALUE', 'set after the spare started', process.cwd()])
      expect(p.exitCode).toBe(0)
    } finally {
      process.chdir(before)
      delete process.env.PROCLAB_TEST_VALUE
    }
  })
})

describe('targets', () => {
  test('a function that is not exported fails at start() and says to export it', () => {
    const p = new mp.Process({ target: makeHidden() })
    expect(() => p.start()).toThrow(TypeError)
    expect(() => p.start()).toThrow(/cannot use 'hidden' as the target: it is not exported from file:\/\/.*targets\.ts\. .*write `export function hidden\(…\)`/)
  })

  test('an inline arrow function is explained', () => {
    const p = new mp.Process({ target: () => 1 })
    expect(() => p.start()).toThrow(/An inline arrow function cannot be re-imported/)
  })

  test('a built-in function is refused', () => {
    const p = new mp.Process({ target: Math.max })
    expect(() => p.start()).toThrow(/not defined in a module file of your program/)
  })

  test.each([{ target: 42 }, { args: 'abc' }])('new Process(%o) throws a TypeError', (options) => {
    expect(() => new mp.Process(options as never)).toThrow(TypeError)
  })
})

describe('naming and introspection', () => {
  test('default names count up as Process-N', () => {
    const [a, b] = [new mp.Process(), new mp.Process()]
    const n = Number(a.name.split('-')[1])
    expect(b.name).toBe(`Process-${n + 1}`)
    expect(a.identity).toEqual([n])
  })

  test('String(p) reads like Python', async () => {
    const p = new mp.Process({ target: slowExit, args: [1, 0], name: 'worker', daemon: true })
    expect(String(p)).toBe(`<Process name='worker' parent=${process.pid} initial daemon>`)
    p.start()
    expect(String(p)).toBe(`<Process name='worker' pid=${p.pid} parent=${process.pid} started daemon>`)
    await p.join()
    expect(String(p)).toBe(`<Process name='worker' pid=${p.pid} parent=${process.pid} stopped exitcode=0 daemon>`)
  })

  test('activeChildren lists what runs, currentProcess is MainProcess', async () => {
    const p = new mp.Process({ target: forever })
    p.start()
    expect(mp.activeChildren()).toContain(p)
    expect(mp.currentProcess().name).toBe('MainProcess')
    expect(mp.parentProcess()).toBeNull()
    expect(mp.cpuCount()).toBeGreaterThan(0)
    p.kill()
    await p.join()
    expect(mp.activeChildren()).not.toContain(p)
  })
})

test('a child that uses no manager does not load node:crypto (it costs every idle child memory)', async () => {
  expect((await runToEnd(exitIfLoaded, ['crypto'])).exitCode).toBe(0)
})

test('an untraced child under the kernel’s death signal does not load worker_threads (unless Node’s own node:util does)', async () => {
  // Node 24's ES-module namespace of node:util loads worker_threads itself; proclab must add no reason of its own.
  const nodeUtilLoadsIt =
    spawnSync(process.execPath, ['--input-type=module', '-e', "import 'node:util'; process.exitCode = process.moduleLoadList.includes('NativeModule worker_threads') ? 1 : 0"]).status === 1
  expect((await runToEnd(exitIfLoaded, ['worker_threads'])).exitCode).toBe(PARENT_WATCHDOG || nodeUtilLoadsIt ? 1 : 0)
})
