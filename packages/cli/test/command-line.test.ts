import { afterAll, describe, expect, test } from 'vitest'
import { copyCourse } from './helpers/course.ts'

const course = copyCourse()
afterAll(() => course.remove())

describe('the command line', () => {
  test('--help lists every command, in the learner’s language', async () => {
    const { stdout, exitCode } = await course.proclab(['--help'])
    expect(exitCode).toBe(0)
    for (const command of ['watch [NN]', 'list', 'run NN', 'check NN', 'hint NN', 'reset NN', 'solution NN', 'trace NN', 'grade', 'new NN-topic --from MM', 'dev check [NN]']) {
      expect(stdout).toContain(`proclab ${command}`)
    }
    expect((await course.proclab(['help', '--lang', 'zh-CN'])).stdout).toContain('用法：')
  })

  test.each([
    [['check', '99'], "proclab: There is no lesson '99'. Lessons: 01, 02, 03. Run `npx proclab list` to see them."],
    [['frobnicate'], "proclab: Unknown command 'frobnicate'. Run `npx proclab --help` to see the commands."],
    [['hint', '01', '--write'], 'proclab: `proclab hint` does not take --write. Run `npx proclab --help` to see what each command takes.'],
    [['check', '01', '--seed', 'x'], "proclab: --seed needs a whole number of at least 0, got 'x'. For example: --seed 3."],
    [['check', '01', '--seeds', '0'], "proclab: --seeds needs a whole number of at least 1, got '0'. For example: --seeds 3."],
    [['check', '01', '--seed', '1', '--seeds', '2'], 'proclab: Give either --seed N (replay one schedule) or --seeds K (seeds 1 to K), not both.'],
    [['check'], 'proclab: `proclab check` needs a lesson number, e.g. `npx proclab check 01`.'],
    [['list', '--lang', 'fr'], "proclab: Unknown language 'fr': use --lang en or --lang zh-CN."],
    [['new', '04-x'], 'proclab: Name the new lesson and the lesson to copy: `npx proclab new 23-shared-memory --from 11`.'],
    [['dev', 'lint'], "proclab: Unknown `proclab dev lint`: the authors' command is `npx proclab dev check [NN]`."],
  ])('proclab %j explains what to do', async (args, message) => {
    const { stderr, exitCode } = await course.proclab(args)
    expect(exitCode).toBe(2)
    expect(stderr).toBe(message)
  })

  test('an unknown option is named, after Node’s own words', async () => {
    const { stderr, exitCode } = await course.proclab(['list', '--colour'])
    expect(exitCode).toBe(2)
    expect(stderr).toMatch(/^proclab: Unknown option '--colour'.*\. Run `npx proclab --help` to see the commands and their options\.$/s)
  })

  test('outside a course it says where to run it', async () => {
    const { stderr, exitCode } = await course.proclab(['list'], { cwd: '/' })
    expect(exitCode).toBe(2)
    expect(stderr).toBe('proclab: No proclab course here: no folder above / holds a lessons/ folder and a package.json. Run proclab inside your copy of the course.')
  })
})
