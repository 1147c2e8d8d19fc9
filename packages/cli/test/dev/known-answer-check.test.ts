import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { courseForEachTest } from '../helpers/course.ts'

const course = courseForEachTest()

describe("proclab dev check runs each lesson's known mistakes and variants", () => {
  test('a lesson whose test rejects every mistake with the check it names, and passes every variant, is sound (headers in English, whatever the language)', async () => {
    const { stdout, exitCode } = await course.proclab(['dev', 'check', '01', '--seeds', '0', '--lang', 'zh-CN'])
    expect(exitCode).toBe(0)
    expect(stdout).toBe('✓ 01-good\n\n已知错误与变体：\n  01-good：拒绝了 4/4 个错误，通过了 1/1 个变体\n\ndev check: 1 passed, 0 failed')
  })

  test('flags a mistake that passes, a variant that fails, and a file without a header, and counts them in the score', async () => {
    course.write('solutions/01-good/mistakes/passes-anyway.ts', "// Mistake: prints done before doing the work\n// Fails: the program says done\nconsole.log('done')\n")
    course.write('solutions/01-good/mistakes/no-header.ts', "console.log('Done!')\n")
    course.write('solutions/01-good/variants/shouts.ts', "// Variant: prints it in capitals\nconsole.log('DONE')\n")
    const { stdout, exitCode } = await course.proclab(['dev', 'check', '01', '--seeds', '0'])
    expect(exitCode).toBe(1)
    expect(stdout).toContain(
      '✗ 01-good\n    solutions/01-good/mistakes/no-header.ts has no valid header (it lacks // Mistake:, // Fails:): begin the file with // Mistake: <what the learner did wrong>, then // Fails: <the English name of the check that must fail first>, and optionally // Says: <a phrase its message must contain>.\n',
    )
    expect(stdout).toContain(
      '    solutions/01-good/mistakes/passes-anyway.ts passes the test, yet it is a known mistake (prints done before doing the work): add a check that rejects it, with a message that names what the learner got wrong.\n',
    )
    expect(stdout).toContain(
      '    solutions/01-good/variants/shouts.ts is a right answer, yet the test fails it at “the program says done”: make the check accept every right answer, not only the solution’s way of writing it.\n      Print `done`.\n',
    )
    expect(stdout).toMatch(/\n\nknown mistakes and variants:\n {2}01-good: 4\/5 mistakes rejected, 1\/2 variants pass\n\ndev check: 0 passed, 1 failed$/)
  })

  test('flags a mistake that fails another check first, or whose message lacks the phrase its header names', async () => {
    course.write('solutions/03-seeded/mistakes/wrong-check.ts', "// Mistake: forgets the seed line\n// Fails: the program says done\nconsole.log('done')\n")
    course.write(
      'solutions/03-seeded/mistakes/other-phrase.ts',
      "// Mistake: prints seed 2 whatever the schedule\n// Fails: the program survives every schedule\n// Says: under seed 3\nconsole.log('seed 2')\nconsole.log('done')\n",
    )
    const { stdout, exitCode } = await course.proclab(['dev', 'check', '03', '--seeds', '0'])
    expect(exitCode).toBe(1)
    expect(stdout).toContain(
      '    solutions/03-seeded/mistakes/wrong-check.ts must fail “the program says done” first, but fails “the program survives every schedule” first: make “the program says done” catch it earlier, or if “the program survives every schedule” is the right first message, name it in the // Fails: line.\n      Keep the line that prints the seed.\n',
    )
    expect(stdout).toContain(
      '    solutions/03-seeded/mistakes/other-phrase.ts fails “the program survives every schedule” as its header says, but the message does not contain “under seed 3” (its // Says: line): say it in the message, or correct the header.\n      This program breaks under seed 2.\n',
    )
    expect(stdout).toContain('  03-seeded: 4/6 mistakes rejected, 1/1 variants pass\n')
  })

  test(`requires at least 4 mistakes and 1 variant, and checks that much even when PROCLAB_DEV_MISTAKES=0 skips running them`, async () => {
    for (const name of ['capital-letter', 'full-stop', 'whole-sentence']) rmSync(join(course.dir, `solutions/01-good/mistakes/${name}.ts`))
    rmSync(join(course.dir, 'solutions/01-good/variants'), { recursive: true })
    const { stdout, exitCode } = await course.proclab(['dev', 'check', '01', '--seeds', '0'], { env: { PROCLAB_DEV_MISTAKES: '0' } })
    expect(exitCode).toBe(1)
    expect(stdout).toBe(
      [
        '✗ 01-good',
        '    solutions/01-good/mistakes has too few known mistakes (1, at least 4): write more, full wrong answers as learners write them, each with a // Mistake: and a // Fails: line.',
        '    solutions/01-good/variants has too few variants (0, at least 1): write a right answer written differently from the solution, with a // Variant: line.',
        '',
        'known mistakes and variants not run (PROCLAB_DEV_MISTAKES=0): only their headers and counts were checked.',
        '',
        'dev check: 0 passed, 1 failed',
      ].join('\n'),
    )
  })
})
