import { describe, expect, test } from 'vitest'
import { expectProgram, LessonFailure, type ProgramRun } from '../src/index.ts'

const run = (lines: string[], exitCode = 0, stderr = ''): ProgramRun => ({
  file: 'lessons/02-join/exercise.ts (starter)',
  exitCode,
  stdout: lines.join('\n') + '\n',
  stderr,
  lines,
  trace: [],
  pid: 1,
})

const failureOf = (check: () => void): string => {
  try {
    check()
  } catch (error) {
    expect(error).toBeInstanceOf(LessonFailure)
    return (error as Error).message
  }
  throw new Error('the check passed')
}

describe('expectProgram', () => {
  test('before() fails with the hint, what was found, and the output', () => {
    const message = failureOf(() => expectProgram(run(['parent done', 'child says hi'])).before(/^child/, /^parent done/, 'Did you await p.join()?'))
    expect(message).toBe(
      'Did you await p.join()?\n\nExpected: /^child/ (line 2) before /^parent done/\nFound:    /^parent done/ at line 1, before line 2\n\n' +
        'Program: lessons/02-join/exercise.ts (starter), exit code 0\n── stdout ──\nparent done\nchild says hi\n── stderr: (empty) ──',
    )
  })

  test('before() passes when every first line comes before the second', () => {
    expect(() => expectProgram(run(['child a', 'child b', 'parent done'])).before(/^child/, /^parent done/, 'hint')).not.toThrow()
  })

  test('line() returns the match, or fails saying no line matched', () => {
    const program = expectProgram(run(['pid=42']))
    expect(program.line(/^pid=(\d+)$/, 'print the pid')[1]).toBe('42')
    expect(failureOf(() => program.line(/^ppid=/, 'print the ppid'))).toMatch(/^print the ppid\n\nExpected: a line matching \/\^ppid=\/\nFound:    no such line/)
  })

  test('exitCode() points at stderr when the program crashed', () => {
    const message = failureOf(() => expectProgram(run([], 1, 'Error: boom\n')).exitCode(0, 'The program should exit normally.'))
    expect(message).toMatch(/^The program should exit normally\. It crashed: read its stderr below\.\n\nExpected: exit code 0\nFound:    exit code 1/)
  })

  test('distinct(), equal() and count()', () => {
    const program = expectProgram(run(['a', 'a']))
    expect(failureOf(() => program.distinct([1, 1], 'pids should differ'))).toContain('Expected: 2 different values\nFound:    [ 1, 1 ]')
    expect(failureOf(() => program.equal({ a: 1 }, { a: 2 }, 'same dict'))).toContain('Expected: { a: 2 }\nFound:    { a: 1 }')
    expect(program.count(/^a$/, 2, 'two a')).toHaveLength(2)
  })

  test('long output is capped in the middle', () => {
    const lines = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? `even line ${i}` : `odd line ${i}`))
    const message = failureOf(() => expectProgram(run(lines)).that(false, 'hint'))
    expect(message).toContain('odd line 19\n… 170 more lines …\neven line 190')
  })
})
