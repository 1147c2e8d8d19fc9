import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, describe, expect, test } from 'vitest'
import * as mp from '@proclab/core'
import { childModule } from '../../src/spawn/transpile-cache.ts'

// Modules written for each test, inside this package so that their bare imports resolve as real ones do.
const dir = mkdtempSync(fileURLToPath(new URL('../.modules-', import.meta.url)))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const write = (name: string, source: string) => {
  writeFileSync(join(dir, name), source)
  return pathToFileURL(join(dir, name)).href
}
const compiled = (url: string) => readFileSync(fileURLToPath(childModule(url).url), 'utf8')

describe('the TypeScript a child imports', () => {
  test('is plain JavaScript in node_modules/.cache/proclab, with its TypeScript imports pointing at their own copies', () => {
    write('lib.ts', 'export const answer: number = 42\n')
    const main = write('main.ts', "import { answer } from './lib.js'\nimport type { Buffer } from 'node:buffer'\nexport function work(): number { return answer }\n")
    const output = compiled(main)
    expect(childModule(main).url).toMatch(/\/node_modules\/\.cache\/proclab\/.*\/main\.ts\.mjs$/)
    expect(output).toContain(`from "${childModule(write('lib.ts', 'export const answer: number = 42\n')).url}"`)
    expect(output).not.toContain(': number')
    expect(childModule(main).exports).toEqual([{ name: 'work', local: 'work' }])
  })

  test('keeps import.meta.url pointing at the original file', () => {
    const url = write('meta.ts', 'export const here: string = import.meta.url\n')
    expect(compiled(url)).toContain(`const here = ${JSON.stringify(url)}`)
  })

  test('follows an edit of an imported module', () => {
    write('dep.ts', 'export const version = 1\n')
    const main = write('uses-dep.ts', "import { version } from './dep.ts'\nexport const v = version\n")
    const depCopy = () => readFileSync(fileURLToPath(childModule(main).url).replace('uses-dep.ts.mjs', 'dep.ts.mjs'), 'utf8')
    expect(depCopy()).toContain('const version = 1')
    write('dep.ts', 'export const version = 2\n')
    expect(depCopy()).toContain('const version = 2')
  })

  test('handles modules that import each other', () => {
    write('ping.ts', "import { pong } from './pong.ts'\nexport const ping = () => pong\n")
    const url = write('pong.ts', "import { ping } from './ping.ts'\nexport const pong = () => ping\n")
    expect(childModule(url).exports.map((e) => e.name)).toEqual(['pong'])
  })

  test('names exports by the local function they export', () => {
    const url = write('aliases.ts', 'function inner() {}\nexport { inner as job }\nexport default function main() {}\n')
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name)
    expect(childModule(url).exports.sort(byName)).toEqual([
      { name: 'default', local: 'main' },
      { name: 'job', local: 'inner' },
    ])
  })

  test('a child runs the module as it is on disk when it starts, as with Python', async () => {
    write('value.ts', 'export const value = 11\n')
    const url = write('exit-with-value.ts', "import { value } from './value.ts'\nexport function exitWithValue() { process.exitCode = value }\n")
    const { exitWithValue } = (await import(url)) as { exitWithValue: () => void }
    const run = async () => {
      const p = new mp.Process({ target: exitWithValue })
      p.start()
      await p.join()
      return p.exitCode
    }
    expect(await run()).toBe(11)
    write('value.ts', 'export const value = 12\n')
    expect(await run()).toBe(12)
  })

  test('a dynamic import of a module that does not compile fails at that import() in the child, as in the parent; start() goes on', async () => {
    write('broken.ts', 'export const x = ;\n')
    write('uses-broken.ts', "import { x } from './broken.ts'\nexport const y = x\n")
    const url = write(
      'optional.ts',
      "export async function tryOptional(name: string): Promise<string> {\n" +
        "  try {\n" +
        "    await (name === 'broken' ? import('./broken.ts') : import('./uses-broken.ts'))\n" +
        "    return 'loaded'\n" +
        "  } catch (error) {\n" +
        "    return `${(error as Error).name}: ${(error as Error).message}`\n" +
        "  }\n" +
        "}\n",
    )
    expect(() => childModule(url)).not.toThrow()
    const { tryOptional } = (await import(url)) as { tryOptional: (name: string) => Promise<string> }
    await using pool = new mp.Pool(1)
    const transformError = /^TransformError: Transform failed with 1 error:\n.*broken\.ts:1:17: ERROR: Unexpected ";"/
    expect(await pool.apply(tryOptional, ['broken'])).toMatch(transformError)
    expect(await pool.apply(tryOptional, ['through a static import'])).toMatch(transformError)
    write('broken.ts', 'export const x = 1\n')
    const fixed = new mp.Pool(1) // a fresh worker: a child imports the modules as they are when it starts
    try {
      expect(await fixed.apply(tryOptional, ['broken'])).toBe('loaded')
    } finally {
      await fixed.terminate()
    }
  })
})
