import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { readableSource, testSource } from '../../src/grade/test-source.ts'

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

describe('a check’s source, readable', () => {
  test("each t('key', …) becomes the message it stands for, quoted, placeholders kept", () => {
    const source = "test(t('exits'), () => {\n  program.exitCode(0, t('exitsHint'))\n  program.that(ok, t('wrongPerson', { name, pid: String(pid) }))\n})"
    const messages = { exits: 'the program exits normally', exitsHint: "It should exit with 0, it's said.", wrongPerson: '{name} (pid {pid}) printed another person.' }
    expect(readableSource(source, messages)).toBe(
      'test("the program exits normally", () => {\n  program.exitCode(0, "It should exit with 0, it\'s said.")\n  program.that(ok, "{name} (pid {pid}) printed another person.")\n})',
    )
  })

  test('a key the catalog lacks, and code that only looks alike, stay as they were', () => {
    expect(readableSource("program.that(ok, t('unknown')); const at = t(key); st('x')", { exits: 'x' })).toBe("program.that(ok, t('unknown')); const at = t(key); st('x')")
  })
})
