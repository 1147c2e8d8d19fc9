import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { copyCourse, expectNoProcessesIn, type Course } from '../helpers/course.ts'

// Grading runs every lesson: one run of the class, read by several tests.
let course: Course
let graded: Awaited<ReturnType<Course['proclab']>>
beforeAll(async () => {
  course = copyCourse()
  writeFileSync(join(course.dir, 'github-output'), 'earlier=1\n')
  graded = await course.proclab(['grade', '--json', 'results.json', '--junit', 'junit.xml', '--classroom', '--points', '5'], {
    env: { GITHUB_OUTPUT: join(course.dir, 'github-output') },
  })
})
afterAll(async () => {
  try {
    await expectNoProcessesIn(course.dir)
  } finally {
    course.remove()
  }
})

const file = (name: string) => readFileSync(join(course.dir, name), 'utf8')

describe('proclab grade', () => {
  test('prints a score table and fails unless every lesson passes', () => {
    expect(graded.exitCode).toBe(1)
    expect(graded.stdout).toContain(
      [
        "Grades (the learner's exercises)",
        '',
        '  lesson         checks  points',
        '  ─────────────────────────────',
        '  ✗ 01-good      0/1     0/5',
        '  ✓ 02-too-easy  1/1     5/5',
        '  ✗ 03-seeded    1/2     0/5',
        '  ─────────────────────────────',
        '  total                  5/15',
      ].join('\n'),
    )
  })

  test('shows its progress on stderr, one line per lesson when not on a terminal', () => {
    expect(graded.stderr.split('\n')).toEqual([
      '[------------------------------] 0/3 01-good',
      '[##########--------------------] 1/3 02-too-easy',
      '[####################----------] 2/3 03-seeded',
      '[##############################] 3/3 ',
    ])
  })

  test('--json writes exercism’s results.json', () => {
    const results = JSON.parse(file('results.json'))
    expect(results.version).toBe(3)
    expect(results.status).toBe('fail')
    expect(results.tests.map((t: { name: string; status: string }) => `${t.name}: ${t.status}`)).toEqual([
      '01-good › the program says done: fail',
      '02-too-easy › the program says done: pass',
      '03-seeded › the program says done: fail',
      '03-seeded › the program survives every schedule: pass',
    ])
    expect(graded.stdout).toContain('Wrote results.json')
  })

  test('--junit writes JUnit XML', () => {
    expect(file('junit.xml')).toContain('<testsuites name="proclab" tests="4" failures="2" errors="0"')
  })

  test('--classroom sets the `result` step output, base64 JSON, after what was there', () => {
    const [earlier, result] = file('github-output').trimEnd().split('\n')
    expect(earlier).toBe('earlier=1')
    const decoded = JSON.parse(Buffer.from(result!.replace(/^result=/, ''), 'base64').toString('utf8'))
    expect(decoded).toMatchObject({ version: 1, status: 'fail', max_score: 15 })
    expect(decoded.tests.map((t: { name: string; score: number }) => [t.name, t.score])).toEqual([
      ['01-good: Saying done', 0],
      ['02-too-easy: Too easy', 5],
      ['03-seeded: A seeded schedule', 0],
    ])
    expect(graded.stdout).toContain('Set the step output `result` (GitHub Classroom) in $GITHUB_OUTPUT.')
  })

  test('--solution grades the reference solutions, and succeeds when all pass', async () => {
    const { stdout, exitCode } = await course.proclab(['grade', '--solution'])
    expect(exitCode).toBe(0)
    expect(stdout).toContain('Grades (the reference solutions)')
    expect(stdout).toContain('total                  30/30')
  })
})
