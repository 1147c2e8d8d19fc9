import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, onTestFinished, test } from 'vitest'
import { encodeClassroomResult, toClassroomResult } from '../../src/grade/classroom.ts'
import { capOutput, EXERCISM_OUTPUT_LIMIT, toExercismResults } from '../../src/grade/exercism.ts'
import { overallStatus, splitFailure } from '../../src/grade/gradebook.ts'
import { toJUnitXml, xml } from '../../src/grade/junit.ts'
import { formatScoreTable } from '../../src/grade/score-table.ts'
import { translator } from '../../src/i18n/index.ts'
import { FAILURE, grade, gradebook, LESSON_01, LESSON_03, typicalGradebook } from '../helpers/gradebook.ts'

const TIMED_OUT = 'The program did not finish within 20000 ms, so it was stopped.\n\nProgram: lessons/03-seeded/exercise.ts (your exercise), stopped\n── stdout: (empty) ──'

describe('the score table', () => {
  test('shows each lesson’s checks and points, and the total', () => {
    expect(formatScoreTable(translator('en'), typicalGradebook())).toBe(
      [
        '  lesson       checks  points',
        '  ───────────────────────────',
        '  ✗ 01-good    0/1     0/10',
        '  ✓ 03-seeded  2/2     10/10',
        '  ───────────────────────────',
        '  total                10/20',
      ].join('\n'),
    )
  })

  test('marks a lesson whose test stopped before its checks', () => {
    const table = formatScoreTable(translator('en'), gradebook([grade(LESSON_03, [], TIMED_OUT)]))
    expect(table).toContain('✗ 03-seeded  0/0 !   0/10')
    expect(table).toContain('! the test stopped before all its checks could run')
  })
})

describe('exercism results.json (version 3)', () => {
  test("quotes a check's source with the lesson's messages in place of its t('key') calls", () => {
    const dir = mkdtempSync(join(tmpdir(), 'proclab-report-'))
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    const testFile = join(dir, 'exercise.test.ts')
    writeFileSync(testFile, "describe(t('lesson'), () => {\n  test(t('saysDone'), () => {\n    program.line(/^done$/, t('printDone'))\n  })\n})\n")
    const lesson = { ...LESSON_01, test: testFile }
    const book = gradebook([grade(lesson, [{ name: 'the program says done', passed: true, durationMs: 1, line: 2 }])])
    const messages = { saysDone: 'the program says done', printDone: 'Print `done`.' }
    const [check] = toExercismResults(book, (id) => (id === lesson.id ? messages : {})).tests
    expect(check!.test_code).toBe('test("the program says done", () => {\n  program.line(/^done$/, "Print `done`.")\n})')
    // Without the lesson's messages, the source is quoted as it is.
    expect(toExercismResults(book).tests[0]!.test_code).toBe("test(t('saysDone'), () => {\n  program.line(/^done$/, t('printDone'))\n})")
  })

  test('has one test per check, named after its lesson, with the teaching message and the program output apart', () => {
    const results = toExercismResults(typicalGradebook())
    expect(results.version).toBe(3)
    expect(results.status).toBe('fail')
    expect(results.message).toBeUndefined()
    expect(results.tests.map((t) => [t.name, t.status, t.task_id])).toEqual([
      ['01-good › the program says done', 'fail', 1],
      ['03-seeded › the program says done', 'pass', 3],
      ['03-seeded › the program survives every schedule', 'pass', 3],
    ])
    const [failed, passed] = results.tests
    expect(failed!.message).toBe('Print `done` & <nothing> else.\n\nExpected: a line matching /^done$/\nFound:    no such line')
    expect(failed!.output).toMatch(/^Program: lessons\/01-good\/exercise\.ts \(your exercise\), exit code 0\n── stdout ──\ntodo/)
    expect(failed!.test_code).toBe("test('the program says done', () => {\n  expectProgram(run).line(/^done$/, 'Print `done`.')\n})")
    expect(passed).not.toHaveProperty('message')
  })

  test('a lesson whose test never reached its checks is one error, and all errors make the run an error', () => {
    const results = toExercismResults(gradebook([grade(LESSON_03, [], TIMED_OUT)]))
    expect(results.status).toBe('error')
    expect(results.message).toBe('The program did not finish within 20000 ms, so it was stopped.')
    expect(results.tests).toEqual([
      expect.objectContaining({ name: '03-seeded › exercise.test.ts', status: 'error', output: expect.stringMatching(/^Program: /), task_id: 3 }),
    ])
  })

  test(`output is capped at ${EXERCISM_OUTPUT_LIMIT} characters, saying so`, () => {
    const capped = capOutput('x'.repeat(2000))
    expect(capped).toHaveLength(EXERCISM_OUTPUT_LIMIT)
    expect(capped).toMatch(/x\n\nOutput was truncated\. Please limit to 500 chars\.$/)
    expect(capOutput('short')).toBe('short')
  })
})

describe('GitHub Classroom autograding result', () => {
  test('scores each lesson, in the reporter’s shape, base64-encoded', () => {
    const result = toClassroomResult(typicalGradebook(), LESSON_01.dir.replace(/\/lessons\/.*/, ''))
    expect(result).toMatchObject({ version: 1, status: 'fail', max_score: 20 })
    expect(result.tests).toEqual([
      {
        name: '01-good: Saying done',
        status: 'fail',
        score: 0,
        message: 'the program says done: Print `done` & <nothing> else.\n\nExpected: a line matching /^done$/\nFound:    no such line',
        test_code: 'npx proclab check 01',
        filename: 'lessons/01-good/exercise.test.ts',
        line_no: 6,
        execution_time: 1234,
        duration: 1234,
      },
      expect.objectContaining({ name: '03-seeded: A seeded schedule', status: 'pass', score: 10, message: '2/2 checks passed', line_no: 0 }),
    ])
    expect(JSON.parse(Buffer.from(encodeClassroomResult(result), 'base64').toString('utf8'))).toEqual(result)
  })
})

describe('JUnit XML', () => {
  test('has a suite per lesson and a case per check, with failures escaped', () => {
    const report = toJUnitXml(typicalGradebook())
    expect(report).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="proclab" tests="3" failures="1" errors="0" time="2\.468">/)
    expect(report).toContain('<testsuite name="01-good: Saying done" tests="1" failures="1" errors="0" time="1.234">')
    expect(report).toContain('<failure message="Print `done` &amp; &lt;nothing&gt; else." type="LessonFailure">Print `done` &amp; &lt;nothing&gt; else.')
    expect(report).toContain('<testcase classname="03-seeded" name="the program survives every schedule" time="0.002"/>')
    // The terminal colour code in the program's output is not a legal XML character.
    expect(report).not.toContain('\x1b')
    expect(report).toMatch(/<\/testsuites>\n$/)
  })

  test('a test that stopped before its checks is an error case', () => {
    const report = toJUnitXml(gradebook([grade(LESSON_03, [], TIMED_OUT)]))
    expect(report).toContain('<testsuites name="proclab" tests="1" failures="0" errors="1"')
    expect(report).toContain('<testcase classname="03-seeded" name="exercise.test.ts" time="0">\n      <error message="The program did not finish within 20000 ms, so it was stopped."')
  })

  test.each([
    ['a & b', 'a &amp; b'],
    ['<x y="1">', '&lt;x y=&quot;1&quot;&gt;'],
    ["it's", 'it&apos;s'],
    ['red \x1b[31mtext\x1b[39m\x00', 'red [31mtext[39m'],
    ['中文 ✓', '中文 ✓'],
  ])('xml(%j) is %j', (text, escaped) => {
    expect(xml(text)).toBe(escaped)
  })
})

describe('gradebook helpers', () => {
  test('a failure splits at the program’s output', () => {
    expect(splitFailure(FAILURE).teaching).toBe('Print `done` & <nothing> else.\n\nExpected: a line matching /^done$/\nFound:    no such line')
    expect(splitFailure('no program here')).toEqual({ teaching: 'no program here' })
  })

  test.each([
    [[true, true], 'pass'],
    [[true, false], 'fail'],
  ] as const)('lessons passing %j make the run %s', (passes, status) => {
    const book = gradebook(passes.map((passed) => grade(LESSON_01, [{ name: 'c', passed, durationMs: 1 }])))
    expect(overallStatus(book)).toBe(status)
  })
})
