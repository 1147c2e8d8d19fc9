import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, expect, test } from 'vitest'
import { runProgram } from '@proclab/harness'
import { childModule } from '../../src/spawn/transpile-cache.ts'

// A project whose node_modules cannot hold a cache (`.cache` is a file there, as good as read-only for
// proclab: running as root, permissions would not stop the write).
const project = mkdtempSync(fileURLToPath(new URL('../.readonly-', import.meta.url)))
afterAll(() => rmSync(project, { recursive: true, force: true }))
mkdirSync(join(project, 'node_modules'))
writeFileSync(join(project, 'node_modules', '.cache'), 'not a folder')
const program = join(project, 'program.ts')
writeFileSync(
  program,
  `import * as mp from '@proclab/core'
export function work(n: number): void { console.log('child', n * 2) }
if (mp.isMain(import.meta)) {
  const p = new mp.Process({ target: work, args: [21] })
  p.start()
  await p.join()
  console.log('exit', p.exitCode)
}
`,
)

test("a project whose node_modules cannot be written caches its copies under the OS temp folder, and children still resolve its packages", async () => {
  const { url } = childModule(pathToFileURL(program).href)
  expect(fileURLToPath(url)).toBe(join(tmpdir(), `proclab-cache-${process.getuid!()}`, `${program}.mjs`))
  const run = await runProgram(program)
  expect(run.stderr).toBe('')
  expect(run.lines).toEqual(['child 42', 'exit 0'])
})
