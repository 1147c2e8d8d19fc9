import { execa } from 'execa'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { CLI, copyCourse, expectNoProcessesIn, SOLVED_01, STARTER_01, waitForProgram, type Course } from '../helpers/course.ts'
import { Terminal, tmuxInstalled } from '../helpers/tmux.ts'

// Watch mode as a learner sees it: a real terminal (tmux), real keys, real lesson checks.
let course: Course
let terminal: Terminal | undefined

beforeEach(() => {
  course = copyCourse()
})

afterEach(async () => {
  await terminal?.kill()
  terminal = undefined
  try {
    await expectNoProcessesIn(course.dir)
  } finally {
    course.remove()
  }
})

/**
 * Starts `proclab watch …` in a terminal. After it exits, the pane shows its exit code and whether the
 * terminal is back in canonical (line) mode: `icanon`, or `-icanon` if raw mode was left on.
 */
async function watch(args: string[] = [], env: Record<string, string> = {}): Promise<Terminal> {
  const script = `${process.execPath} ${CLI} watch ${args.join(' ')}; echo "proclab exited with $?"; stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\?icanon'`
  terminal = await Terminal.start(script, course.dir, { PROCLAB_LANG: '', LANG: 'en_US.UTF-8', LC_ALL: '', FORCE_COLOR: '', ...env })
  return terminal
}

const FAILED_01 = 'Lesson 01 does not pass yet'
const QUIT = /Bye![\s\S]*proclab exited with 0\n+icanon\n/

describe.runIf(tmuxInstalled)('proclab watch in a terminal', () => {
  test('opens the first unsolved lesson, shows its first failure, and q quits with the terminal restored', async () => {
    const t = await watch()
    const screen = await t.waitFor('Keys: n next lesson')
    expect(screen).toContain('Lesson 01 (1 of 3): Saying done')
    expect(screen).toContain('edit  lessons/01-good/exercise.ts')
    expect(screen).toContain(`✗ ${FAILED_01}: 0 of 1 checks pass.`)
    expect(screen).toMatch(/── First failure: the program says done ──\nPrint `done`\.\n\nExpected: a line matching \/\^done\$\//)
    await t.press('q')
    await t.waitFor(QUIT)
  })

  test('a save is checked at once; a pass opens the solution; n goes on to the next lesson', async () => {
    const t = await watch()
    await t.waitFor(FAILED_01)
    course.write('lessons/01-good/exercise.ts', SOLVED_01)
    const passed = await t.waitFor('Press n to go on.')
    expect(passed).toContain('✓ Lesson 01 passes: 1 of 1 checks.')
    expect(passed).toContain('The reference solution is now open to you: npx proclab solution 01')
    expect(JSON.parse(course.read('.proclab/progress.json')).lessons['01-good'].passed).toBe(true)
    await t.press('n')
    const next = await t.waitFor('✓ Lesson 02 passes')
    expect(next).toContain('Lesson 02 (2 of 3): Too easy')
    await t.press('q')
    await t.waitFor(QUIT)
  })

  test('h shows the next hint, l the lesson list, c checks every lesson', async () => {
    const t = await watch()
    await t.waitFor(FAILED_01)
    await t.press('h')
    expect(await t.waitFor('(Press h again for the next hint.)')).toMatch(/Hint 1 of 2\n## Hint 1\nFirst hint\./)
    await t.press('h')
    expect(await t.waitFor('(That was the last hint.)')).toMatch(/Hint 2 of 2\n## Hint 2\nSecond hint\./)
    await t.press('l')
    expect(await t.waitFor('Progress [')).toMatch(/✗ 01 {2}Saying done +lessons\/01-good\n +· 02 {2}Too easy/)
    await t.press('c')
    const all = await t.waitFor(/Progress \[#{10}-{20}\] 1\/3 lessons/)
    expect(all).toMatch(/✗ 01 {2}Saying done[^\n]*\n +✓ 02 {2}Too easy[^\n]*\n +✗ 03 {2}A seeded schedule/)
    await t.press('q')
    await t.waitFor(QUIT)
  })

  test('r asks first, then restores the starter (not the learner’s last commit) and keeps a backup of the learner’s version', async () => {
    const git = (...args: string[]) => execa('git', ['-c', 'user.name=Learner', '-c', 'user.email=learner@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: course.dir })
    await git('init', '-q')
    await git('add', '-A')
    await git('commit', '-q', '-m', 'the course as shipped')
    const t = await watch()
    await t.waitFor(FAILED_01)
    course.write('lessons/01-good/exercise.ts', "console.log('my attempt')\n")
    await t.waitFor(/── stdout ──\nmy attempt\n[\s\S]*Keys:/)
    await git('commit', '-q', '-am', 'my attempt at lesson 01')
    await t.press('r')
    await t.waitFor('Reset lesson 01 to its starter exercise.ts? Your version is kept in .proclab/backups/. [y/N]')
    await t.press('n')
    await t.waitFor('Not reset.')
    expect(course.read('lessons/01-good/exercise.ts')).toBe("console.log('my attempt')\n")
    await t.press('r')
    // The second question, not the first one still on screen.
    await t.waitFor(/Not reset\.\n[\s\S]*\[y\/N\]/)
    await t.press('y')
    const reset = await t.waitFor(/Your version is kept in (\.proclab\/backups\/01-good\/exercise\.[\dTZ-]+\.ts)[\s\S]*Keys:/)
    expect(reset).toContain('Lesson 01: lessons/01-good/exercise.ts is the starter again, as the course shipped it.')
    expect(course.read('lessons/01-good/exercise.ts')).toBe(STARTER_01)
    const backup = /Your version is kept in (\S+)/.exec(reset)![1]!
    expect(course.read(backup)).toBe("console.log('my attempt')\n")
    await t.press('q')
    await t.waitFor(QUIT)
  })

  test('Ctrl-C quits too; with --poll, saves are noticed by polling', async () => {
    const t = await watch(['--poll'])
    expect(await t.waitFor(FAILED_01)).toContain('Watching your files by polling: you asked for it with --poll.')
    course.write('lessons/01-good/exercise.ts', SOLVED_01)
    await t.waitFor('✓ Lesson 01 passes')
    await t.press('C-c')
    await t.waitFor(QUIT)
  })

  test('quitting in the middle of a check stops it, and every process it started', async () => {
    // A program that runs long enough to be interrupted for sure.
    course.write('lessons/01-good/exercise.ts', "setTimeout(() => console.log('done'), 20_000)\n")
    const t = await watch()
    await waitForProgram(course.dir, 'lessons/01-good/exercise.ts')
    await t.press('q')
    await t.waitFor(QUIT)
    await expectNoProcessesIn(course.dir)
  })

  test('speaks Chinese in a Chinese locale, and points to the translated lesson text', async () => {
    const t = await watch([], { LANG: 'zh_CN.UTF-8' })
    const screen = await t.waitFor('按键：n 下一课')
    expect(screen).toContain('第 01 课（1/3）：说“完成”')
    expect(screen).toContain('lessons/01-good/README.zh-CN.md')
    expect(screen).toContain('✗ 第 01 课还没有通过：1 项检查通过了 0 项。')
    await t.press('q')
    await t.waitFor(/再见！[\s\S]*proclab exited with 0\n+icanon\n/)
  })
})
