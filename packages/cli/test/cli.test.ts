import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { execa } from 'execa'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

const cli = fileURLToPath(new URL('../dist/main.js', import.meta.url))
// A copy of the fake course inside this package, so its lessons resolve @proclab/harness as real ones do.
let course: string
beforeAll(() => {
  course = mkdtempSync(fileURLToPath(new URL('./.course-', import.meta.url)))
  cpSync(fileURLToPath(new URL('./fixtures/course', import.meta.url)), course, { recursive: true })
})
afterAll(() => rmSync(course, { recursive: true, force: true }))

const proclab = (...args: string[]) => execa(process.execPath, [cli, ...args], { cwd: course, reject: false, env: { FORCE_COLOR: '0' } })

describe('proclab', () => {
  test('lists the lessons from their folders, with progress and the next step', async () => {
    const { stdout, exitCode } = await proclab()
    expect(exitCode).toBe(0)
    expect(stdout).toContain('Progress [------------------------------] 0/2 lessons')
    expect(stdout).toMatch(/· 01 {2}Saying done +lessons\/01-good\n +· 02 {2}Too easy +lessons\/02-too-easy/)
    expect(stdout).toContain('Next: lesson 01, Saying done')
    expect(stdout).toContain('check    npx proclab check 01')
  })

  test('hint shows one more hint each time and remembers it', async () => {
    expect((await proclab('hint', '1')).stdout).toBe('## Hint 1\nFirst hint.\n\n(1 more: run the command again for the next hint.)')
    expect((await proclab('hint', '01-good')).stdout).toBe('## Hint 1\nFirst hint.\n\n## Hint 2\nSecond hint.\n\n(That was the last hint.)')
    expect(JSON.parse(readFileSync(join(course, '.proclab/progress.json'), 'utf8')).hints).toEqual({ '01-good': 2 })
  })

  test('check runs the learner’s exercise, fails it, and records the failure', async () => {
    const { stdout, exitCode } = await proclab('check', '01')
    expect(exitCode).toBe(1)
    expect(stdout).toContain('✗ Lesson 01 does not pass yet')
    expect((await proclab('list')).stdout).toContain('✗ 01')
  })

  test('run runs the solution with --solution', async () => {
    expect((await proclab('run', '01', '--solution')).stdout).toBe('done')
  })

  test('dev check passes a sound lesson and flags a starter that already passes', async () => {
    const { stdout, exitCode } = await proclab('dev', 'check')
    expect(exitCode).toBe(1)
    expect(stdout).toContain('✓ 01-good')
    expect(stdout).toContain('✗ 02-too-easy\n    the test passes against the unmodified starter: a learner would pass without doing anything.')
    expect(stdout).toMatch(/dev check: 1 passed, 1 failed$/)
  })

  test('an unknown lesson is explained', async () => {
    const { stderr, exitCode } = await proclab('check', '99')
    expect(exitCode).toBe(2)
    expect(stderr).toBe("proclab: There is no lesson '99'. Lessons: 01, 02. Run `npx proclab list` to see them.")
  })
})
