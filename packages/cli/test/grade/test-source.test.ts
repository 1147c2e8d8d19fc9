import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { testSource } from '../../src/grade/test-source.ts'

const dir = mkdtempSync(join(tmpdir(), 'proclab-source-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const file = join(dir, 'exercise.test.ts')
writeFileSync(
  file,
  [
    "describe('lesson 08', () => {",
    "  test('the writer put (11, 22)', () => {",
    '    const put = program.lines(PUT)',
    "    program.equal(put, DATA, 'Put them all.')",
    '  })',
    '',
    "  test('one line', () => program.exitCode(0))",
    '})',
  ].join('\n'),
)

describe('quoting a check’s source', () => {
  test('takes the call up to its closing line, dedented', () => {
    expect(testSource(file, 2)).toBe("test('the writer put (11, 22)', () => {\n  const put = program.lines(PUT)\n  program.equal(put, DATA, 'Put them all.')\n})")
  })

  test('a check on one line is that line', () => {
    expect(testSource(file, 7)).toBe("test('one line', () => program.exitCode(0))")
  })

  test.each([undefined, 99])('no source for line %s', (line) => {
    expect(testSource(file, line)).toBeUndefined()
  })
})
