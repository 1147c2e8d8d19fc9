import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { execa } from 'execa'
import { describe, expect, test } from 'vitest'
import { courseForEachTest, SOLVED_01, STARTER_01 } from '../helpers/course.ts'

const course = courseForEachTest()

const EXERCISE = 'lessons/01-good/exercise.ts'
const backups = () => readdirSync(join(course.dir, '.proclab/backups/01-good'))

/** Runs git in the course, as someone with a name and an email. */
const git = (...args: string[]) =>
  execa('git', ['-c', 'user.name=Learner', '-c', 'user.email=learner@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: course.dir })

describe('proclab reset', () => {
  test('restores the starter the course ships, keeping the learner’s version', async () => {
    course.write(EXERCISE, "console.log('my attempt')\n")
    const { stdout, exitCode } = await course.proclab(['reset', '01'])
    expect(exitCode).toBe(0)
    expect(stdout).toMatch(/^Lesson 01: lessons\/01-good\/exercise\.ts is the starter again, as the course shipped it\.\nYour version is kept in \.proclab\/backups\/01-good\/exercise\.\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.ts$/)
    expect(course.read(EXERCISE)).toBe(STARTER_01)
    expect(backups()).toHaveLength(1)
    expect(course.read(`.proclab/backups/01-good/${backups()[0]}`)).toBe("console.log('my attempt')\n")
  })

  test('after the learner commits their work, still restores the pristine starter, not their last commit', async () => {
    await git('init', '-q')
    await git('add', '-A')
    await git('commit', '-q', '-m', 'the course as shipped')
    course.write(EXERCISE, SOLVED_01)
    await git('commit', '-q', '-am', 'lesson 01 solved')
    const { stdout } = await course.proclab(['reset', '01'])
    expect(stdout).toContain('Lesson 01: lessons/01-good/exercise.ts is the starter again, as the course shipped it.')
    expect(course.read(EXERCISE)).toBe(STARTER_01)
    expect(course.read(`.proclab/backups/01-good/${backups()[0]}`)).toBe(SOLVED_01)
  })

  test('a deleted exercise comes back, with nothing to back up', async () => {
    rmSync(join(course.dir, EXERCISE))
    const { stdout } = await course.proclab(['reset', '01'])
    expect(stdout).toBe('Lesson 01: lessons/01-good/exercise.ts is the starter again, as the course shipped it.')
    expect(course.read(EXERCISE)).toBe(STARTER_01)
  })

  test('an untouched exercise is left alone', async () => {
    expect((await course.proclab(['reset', '01'])).stdout).toBe('Lesson 01 is already the starter: nothing to reset.')
  })

  test('with the shipped starter gone, it says where to get it back', async () => {
    rmSync(join(course.dir, 'lessons/01-good/.starter'), { recursive: true })
    const { stderr, exitCode } = await course.proclab(['reset', '01'])
    expect(exitCode).toBe(2)
    expect(stderr).toBe(
      'proclab: There is no starter to restore lessons/01-good/exercise.ts from: lessons/01-good/.starter/exercise.ts, the copy the course ships, is missing. Get it back from where you got the course (git checkout -- lessons/01-good/.starter/exercise.ts, or a fresh download).',
    )
  })
})

describe('proclab solution', () => {
  test('stays closed until the learner’s exercise passes', async () => {
    const { stdout, exitCode } = await course.proclab(['solution', '01'])
    expect(exitCode).toBe(1)
    expect(stdout).toBe(
      'The solution of lesson 01 opens once your own exercise passes: solve it first, and check it with npx proclab check 01 (or save it in watch mode). Stuck? npx proclab hint 01',
    )
  })

  test('once passed, prints it, or writes it beside the exercise with --write', async () => {
    course.write('.proclab/progress.json', JSON.stringify({ lessons: { '01-good': { passed: true, checkedAt: '' } }, hints: {} }))
    expect((await course.proclab(['solution', '01'])).stdout).toBe("Lesson 01, Saying done: the reference solution (solutions/01-good/exercise.ts)\n\nconsole.log('done')")
    const { stdout } = await course.proclab(['solution', '01', '--write'])
    expect(stdout).toBe('Wrote the reference solution to lessons/01-good/solution.ts, beside your lessons/01-good/exercise.ts. Compare them!')
    expect(course.read('lessons/01-good/solution.ts')).toBe("console.log('done')\n")
  })
})
