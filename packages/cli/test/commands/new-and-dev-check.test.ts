import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { copyCourse, expectNoProcessesIn, type Course } from '../helpers/course.ts'

let course: Course
beforeAll(() => {
  course = copyCourse()
})
afterAll(async () => {
  try {
    await expectNoProcessesIn(course.dir)
  } finally {
    course.remove()
  }
})

const file = (path: string) => readFileSync(join(course.dir, path), 'utf8')

describe('proclab dev check', () => {
  test('passes a sound lesson, and flags a starter that passes and a solution that a seed breaks', async () => {
    const { stdout, exitCode } = await course.proclab(['dev', 'check'])
    expect(exitCode).toBe(1)
    expect(stdout).toContain('✓ 01-good\n')
    expect(stdout).toContain('✗ 02-too-easy\n    the test passes against the unmodified starter: a learner would pass without doing anything.')
    expect(stdout).toContain(
      '✗ 03-seeded\n    the test does not pass against the solution (1 passed, 1 failed):\n    under seed 2; replay it with npx proclab check 03 --solution --seed 2\n      This program breaks under seed 2.',
    )
    // 03's solution fails, so its mistakes and variants prove nothing and do not run.
    expect(stdout).toMatch(/\n\nknown mistakes and variants:\n {2}01-good: 4\/4 mistakes rejected, 1\/1 variants pass\n {2}02-too-easy: 1\/1 mistakes rejected, 1\/1 variants pass\n {2}total: 5\/5 mistakes rejected, 2\/2 variants pass\n\ndev check: 1 passed, 2 failed$/)
  })

  test('--seeds 0 runs each solution under the default schedule only; NN checks one lesson', async () => {
    const { stdout, exitCode } = await course.proclab(['dev', 'check', '03', '--seeds', '0'])
    expect(exitCode).toBe(0)
    expect(stdout).toBe('✓ 03-seeded\n\nknown mistakes and variants:\n  03-seeded: 4/4 mistakes rejected, 1/1 variants pass\n\ndev check: 1 passed, 0 failed')
  })

  test('requires the shipped starter copy to be the lesson’s exercise.ts, and says how to bring them together', async () => {
    const starter = file('lessons/01-good/.starter/exercise.ts')
    try {
      course.write('lessons/01-good/.starter/exercise.ts', "console.log('an older starter') // TODO\n")
      const { stdout, exitCode } = await course.proclab(['dev', 'check', '01'])
      expect(exitCode).toBe(1)
      expect(stdout).toContain(
        'lessons/01-good/exercise.ts differs from lessons/01-good/.starter/exercise.ts, the starter that reset restores and new copies. If exercise.ts is the starter you mean to ship, copy it there (cp lessons/01-good/exercise.ts lessons/01-good/.starter/exercise.ts); if it is your own solution, put the starter back with npx proclab reset 01.',
      )
      rmSync(join(course.dir, 'lessons/01-good/.starter'), { recursive: true })
      expect((await course.proclab(['dev', 'check', '01'])).stdout).toContain(
        'lessons/01-good/.starter/exercise.ts is missing: add a copy of lessons/01-good/exercise.ts, the pristine starter that reset restores and new copies.',
      )
    } finally {
      course.write('lessons/01-good/.starter/exercise.ts', starter)
    }
  })

  test('requires each lesson text and its hints in English and Chinese, with as many hints in each', async () => {
    const readme = file('lessons/01-good/README.zh-CN.md')
    const hints = file('lessons/01-good/hints.zh-CN.md')
    try {
      rmSync(join(course.dir, 'lessons/01-good/README.zh-CN.md'))
      course.write('lessons/01-good/hints.zh-CN.md', hints.replace(/\n## 提示 2[\s\S]*$/, '\n'))
      const { stdout, exitCode } = await course.proclab(['dev', 'check', '01'])
      expect(exitCode).toBe(1)
      expect(stdout).toContain('lessons/01-good/README.zh-CN.md is missing: add the lesson text (zh-CN).')
      expect(stdout).toContain('lessons/01-good/hints.zh-CN.md has fewer than 2 hints: give two to four, each under a `## ` heading.')
      expect(stdout).toContain('lessons/01-good/hints.zh-CN.md has 1 hints but lessons/01-good/hints.md has 2: translate every hint, one for one.')
    } finally {
      course.write('lessons/01-good/README.zh-CN.md', readme)
      course.write('lessons/01-good/hints.zh-CN.md', hints)
    }
  })

  test("requires each lesson's messages.ts, with every message in English and Chinese and the same placeholders", async () => {
    const messages = file('lessons/03-seeded/messages.ts')
    const good = file('lessons/01-good/messages.ts')
    try {
      course.write(
        'lessons/03-seeded/messages.ts',
        messages.replace("    printSeed: '请保留打印种子的那一行。',\n", '').replace('这个程序在种子 {seed} 下会出错。', '这个程序在某个种子下会出错。'),
      )
      rmSync(join(course.dir, 'lessons/01-good/messages.ts'))
      const { stdout, exitCode } = await course.proclab(['dev', 'check', '03', '--seeds', '0'])
      expect(exitCode).toBe(1)
      expect(stdout).toContain('lessons/03-seeded/messages.ts: `printSeed` is missing in zh-CN: translate it.')
      expect(stdout).toContain('lessons/03-seeded/messages.ts: `breaks` has the placeholders (none) in zh-CN but {seed} in en: use the same ones.')
      const missing = await course.proclab(['dev', 'check', '01'])
      expect(missing.stdout).toContain('lessons/01-good/messages.ts is missing: add the check names and hints of its test in English and Chinese')
    } finally {
      course.write('lessons/03-seeded/messages.ts', messages)
      course.write('lessons/01-good/messages.ts', good)
    }
  })
})

describe('proclab new', () => {
  test('copies a lesson and its solution under a new name, and the copy passes dev check', async () => {
    const mistake = 'solutions/01-good/mistakes/from-the-readme.ts'
    course.write(mistake, "// Mistake: prints the heading of Lesson 01 (01-good) instead\n// Fails: the program says done\nconsole.log('# 01 · Saying done')\n")
    const created = await course.proclab(['new', '04-saying-done-again', '--from', '01']).finally(() => rmSync(join(course.dir, mistake)))
    expect(created.exitCode).toBe(0)
    expect(created.stdout).toContain('Created lessons/04-saying-done-again and solutions/04-saying-done-again, copied from 01-good.')
    // The fake course has no lockfile and no node_modules: nothing for npm install to bring up to date.
    expect(created.stdout).not.toContain('npm install')
    expect(JSON.parse(file('lessons/04-saying-done-again/package.json'))).toEqual({
      name: 'fake-lesson-04-saying-done-again',
      private: true,
      type: 'module',
      proclab: { title: 'Saying done again' },
    })
    expect(file('lessons/04-saying-done-again/README.md')).toBe('# Saying done again\n\nA lesson of the fake course.\n')
    expect(file('solutions/04-saying-done-again/exercise.ts')).toBe(file('solutions/01-good/exercise.ts'))
    expect(existsSync(join(course.dir, 'lessons/04-saying-done-again/node_modules'))).toBe(false)
    // Known mistakes and variants are learners' programs: copied as they are, for the author to rewrite with the new test.
    expect(file('solutions/04-saying-done-again/mistakes/from-the-readme.ts')).toContain('Lesson 01 (01-good)')
    for (const answer of ['mistakes/prints-nothing.ts', 'variants/stdout-write.ts']) {
      expect(file(`solutions/04-saying-done-again/${answer}`)).toBe(file(`solutions/01-good/${answer}`))
    }
    expect(created.stdout).toContain(
      '  2. Rewrite the known mistakes in solutions/04-saying-done-again/mistakes (at least 4) and the variants in solutions/04-saying-done-again/variants (at least 1) for the new test: they were copied from 01-good as they were.',
    )

    const checked = await course.proclab(['dev', 'check', '04'])
    expect(checked.stdout).toBe('✓ 04-saying-done-again\n\nknown mistakes and variants:\n  04-saying-done-again: 5/5 mistakes rejected, 1/1 variants pass\n\ndev check: 1 passed, 0 failed')
    expect((await course.proclab(['list'])).stdout).toMatch(/· 04 {2}Saying done again +lessons\/04-saying-done-again/)
  })

  test('copies the pristine starter, not a solved exercise.ts, and says so', async () => {
    course.write('lessons/01-good/exercise.ts', file('solutions/01-good/exercise.ts'))
    try {
      const { stdout } = await course.proclab(['new', '05-solved-source', '--from', '01'])
      expect(stdout).toContain(
        'Note: lessons/01-good/exercise.ts has local changes. The new lesson starts from lessons/01-good/.starter/exercise.ts, the starter as the course shipped it, not from your version.',
      )
      expect(file('lessons/05-solved-source/exercise.ts')).toBe(file('lessons/01-good/.starter/exercise.ts'))
      expect(file('lessons/05-solved-source/.starter/exercise.ts')).toBe(file('lessons/01-good/.starter/exercise.ts'))
    } finally {
      course.write('lessons/01-good/exercise.ts', file('lessons/01-good/.starter/exercise.ts'))
      for (const dir of ['lessons', 'solutions']) rmSync(join(course.dir, dir, '05-solved-source'), { recursive: true })
    }
  })

  test('says to run npm install only when the lockfile or node_modules do not list the new package yet', async () => {
    const lockfile = { packages: { '': {}, 'lessons/01-good': {} } }
    course.write('package-lock.json', JSON.stringify(lockfile))
    try {
      const { stdout } = await course.proclab(['new', '06-locked', '--from', '01'])
      expect(stdout).toContain('Then run npm install at the root: the lockfile (and node_modules) must list the new workspace package.')
      course.write('package-lock.json', JSON.stringify({ packages: { ...lockfile.packages, 'lessons/07-listed': {} } }))
      expect((await course.proclab(['new', '07-listed', '--from', '01'])).stdout).not.toContain('npm install')
    } finally {
      rmSync(join(course.dir, 'package-lock.json'))
      for (const id of ['06-locked', '07-listed']) for (const dir of ['lessons', 'solutions']) rmSync(join(course.dir, dir, id), { recursive: true })
    }
  })

  test.each([
    [['new', 'Shared Memory', '--from', '01'], /^proclab: Name the new lesson NN-topic, in lower case with dashes, e\.g\. 23-shared-memory \(got 'Shared Memory'\)\.$/],
    [['new', '02-other', '--from', '01'], /^proclab: Lesson 02 exists already \(02-too-easy\): pick a number no lesson has\.$/],
    [['new', '09-x', '--from', '42'], /^proclab: There is no lesson '42'\. Lessons: 01, 02, 03(, 04)?\. Run `npx proclab list` to see them\.$/],
  ])('proclab %j explains what to do', async (args, message) => {
    const { stderr, exitCode } = await course.proclab(args)
    expect(exitCode).toBe(2)
    expect(stderr).toMatch(message)
  })
})
