import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { execa } from 'execa'
import { expect, test } from 'vitest'
import { runProgram } from '../src/index.ts'

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))
const ownRunDirs = () => readdirSync(tmpdir()).filter((name) => name.startsWith(`proclab-run-${process.pid}-`))

test('a run leaves no folder behind, and sweeps the folders of runs whose process was killed', async () => {
  // A process that has exited: its pid names a run that could not clean up after itself.
  const gone = await execa(process.execPath, ['-e', 'console.log(process.pid)'])
  const orphan = join(tmpdir(), `proclab-run-${gone.stdout.trim()}-test`)
  mkdirSync(orphan, { recursive: true })

  await runProgram(fixture('prints.mjs'), { args: ['0'] })
  expect(ownRunDirs()).toEqual([])
  expect(existsSync(orphan)).toBe(false)
})
