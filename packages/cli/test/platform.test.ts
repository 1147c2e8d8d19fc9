import { expect, test } from 'vitest'
import { fileURLToPath } from 'node:url'
import { execa } from 'execa'
import { WINDOWS_GUIDANCE } from '@proclab/core/tooling'

// What npm links as `proclab` (and so what `npm start` runs).
const BIN = fileURLToPath(new URL('../bin/proclab.js', import.meta.url))
const AS_WINDOWS = `data:text/javascript,Object.defineProperty(process, 'platform', { value: 'win32' })`

test.each([['watch'], ['list'], ['check', '01']])('on Windows, `proclab %s` prints the WSL guidance and exits 1', async (...args) => {
  const run = await execa(process.execPath, ['--import', AS_WINDOWS, BIN, ...args], { reject: false, stdin: 'ignore' })
  expect(run.exitCode).toBe(1)
  expect(run.stderr).toBe(`proclab: ${WINDOWS_GUIDANCE}`)
  expect(run.stdout).toBe('')
})
