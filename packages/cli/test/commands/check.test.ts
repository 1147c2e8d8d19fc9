import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { CLI, courseForEachTest, expectNoProcessesIn, SOLVED_01, waitForProgram } from '../helpers/course.ts'
import { Terminal, tmuxInstalled } from '../helpers/tmux.ts'

const course = courseForEachTest()

const progress = () => JSON.parse(course.read('.proclab/progress.json')).lessons

describe('proclab check', () => {
  test('shows the first failure first, with the lesson’s message and the program’s output, and records it', async () => {
    const { stdout, exitCode } = await course.proclab(['check', '01'])
    expect(exitCode).toBe(1)
    expect(stdout).toBe(
      [
        'Checking lesson 01, Saying done (your exercise.ts)…',
        '',
        '✗ Lesson 01 does not pass yet: 0 of 1 checks pass.',
        '',
        '── First failure: the program says done ──',
        'Print `done`.',
        '',
        'Expected: a line matching /^done$/',
        'Found:    no such line',
        '',
        'Program: lessons/01-good/exercise.ts (your exercise), exit code 0',
        '── stdout ──',
        'todo',
        '── stderr: (empty) ──',
        '',
        'Read the first failure above, change your exercise.ts, and check again. Stuck? npx proclab hint 01',
      ].join('\n'),
    )
    expect(progress()['01-good'].passed).toBe(false)
  })

  test('a long failure ends with its headline again, and long runs of similar lines are collapsed', async () => {
    course.write('lessons/01-good/exercise.ts', "for (let i = 1; i <= 40; i++) console.log(`step ${i}: ${'#'.repeat(i)}`)\nfor (let i = 1; i <= 30; i++) console.log(`heartbeat ${i}`)\n")
    const { stdout } = await course.proclab(['check', '01'])
    expect(stdout).toContain('heartbeat 1\nheartbeat 2\n… 27 more lines like these …\nheartbeat 30\n')
    expect(stdout).toContain('── stderr: (empty) ──\n\n── In short, the first failure ──\nPrint `done`.\n\nRead the first failure above')
  })

  test('a short failure says its headline once', async () => {
    const { stdout } = await course.proclab(['check', '01'])
    expect(stdout).not.toContain('In short')
  })

  test('a pass opens the solution and names the next lesson', async () => {
    course.write('lessons/01-good/exercise.ts', SOLVED_01)
    const { stdout, exitCode } = await course.proclab(['check', '01'])
    expect(exitCode).toBe(0)
    expect(stdout).toContain('✓ Lesson 01 passes: 1 of 1 checks.\n\nCongratulations: you have solved lesson 01!\nThe reference solution is now open to you: npx proclab solution 01')
    expect(stdout).toContain('Next: lesson 02, Too easy. Start it with npx proclab watch 02')
    expect(progress()['01-good'].passed).toBe(true)
  })

  test('passing the last lesson finishes the course only when every lesson passes; else it names the first one left', async () => {
    course.write('lessons/03-seeded/exercise.ts', course.read('solutions/03-seeded/exercise.ts'))
    const early = await course.proclab(['check', '03'])
    expect(early.exitCode).toBe(0)
    expect(early.stdout).toContain('That was the last lesson, but 2 lesson(s) do not pass yet. The first: lesson 01, Saying done. Go back to it with npx proclab watch 01')
    expect(early.stdout).not.toContain('whole course')

    course.write('.proclab/progress.json', JSON.stringify({ lessons: { '01-good': { passed: true, checkedAt: '' }, '02-too-easy': { passed: true, checkedAt: '' } }, hints: {} }))
    const done = await course.proclab(['check', '03'])
    expect(done.stdout).toContain('That was the last lesson: you have done the whole course!')
  })

  test('in Chinese, the check names and hints come from the lesson, and the harness speaks Chinese too', async () => {
    const { stdout } = await course.proclab(['check', '03', '--lang', 'zh-CN'])
    expect(stdout).toContain('── 第一个失败：程序打印了 done ──\n请在 join 之后打印 `done`。\n\n期望：有一行匹配 /^done$/\n实际：没有这样的行\n\n程序：lessons/03-seeded/exercise.ts')
    const byLocale = await course.proclab(['check', '03'], { env: { LANG: 'zh_CN.UTF-8' } })
    expect(byLocale.stdout).toContain('── 第一个失败：程序打印了 done ──')
  })

  test('--seeds K runs seeds 1 to K, stops at the first that fails, and says how to replay it', async () => {
    const { stdout, exitCode } = await course.proclab(['check', '03', '--solution', '--seeds', '3'])
    expect(exitCode).toBe(1)
    expect(stdout).toContain('Checking lesson 03, A seeded schedule (the reference solution)…\nUnder seeds 1, 2, 3, one after another, until one fails.')
    expect(stdout).toContain('✗ Lesson 03 does not pass yet: 1 of 2 checks pass.\nIt failed under seed 2, a schedule you can replay exactly: npx proclab check 03 --solution --seed 2')
    expect(stdout).toContain('── First failure: the program survives every schedule ──\nThis program breaks under seed 2.')
    expect(stdout).toContain('seed 2\ndone')
    // Checking the solution is for authors: it is not the learner's progress.
    expect(existsSync(join(course.dir, '.proclab/progress.json'))).toBe(false)
  })

  test('--seed N sets PROCLAB_SEED for the lesson’s program', async () => {
    const { stdout, exitCode } = await course.proclab(['check', '03', '--solution', '--seed', '1'])
    expect(exitCode).toBe(0)
    expect(stdout).toContain('✓ Lesson 03 passes: 2 of 2 checks. (under seed 1)')
  })

  test('after a failure, writes the timeline of a traced run to .proclab/timelines/NN.html', async () => {
    const { stdout } = await course.proclab(['check', '03'])
    expect(stdout).toContain('A timeline of your program (one more run, traced) is in .proclab/timelines/03.html: open it in a browser.')
    const page = readFileSync(join(course.dir, '.proclab/timelines/03.html'), 'utf8')
    expect(page).toMatch(/^<!DOCTYPE html>/i)
    expect(page).toContain('Process-1')
    expect(course.read('.proclab/timelines/.gitignore')).toBe('*\n')
  })
})

describe.runIf(tmuxInstalled)('proclab check in a terminal', () => {
  test('Ctrl-C stops the check and every process it started', async () => {
    // A program that runs long enough to be interrupted for sure.
    course.write('lessons/01-good/exercise.ts', "setTimeout(() => console.log('done'), 20_000)\n")
    const terminal = await Terminal.start(`${process.execPath} ${CLI} check 01`, course.dir, { LANG: 'en_US.UTF-8', LC_ALL: '' })
    try {
      await waitForProgram(course.dir, 'lessons/01-good/exercise.ts')
      await terminal.press('C-c')
      // The terminal sends SIGINT to the whole foreground process group: proclab and vitest end at once.
      await terminal.waitForExit()
      await expectNoProcessesIn(course.dir)
    } finally {
      await terminal.kill()
    }
  })
})
