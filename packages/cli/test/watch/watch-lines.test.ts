import { describe, expect, test } from 'vitest'
import { courseForEachTest, expectNoProcessesIn, SOLVED_01, waitForProgram } from '../helpers/course.ts'

// Watch mode without a terminal: commands are lines on stdin, as in a pipe or an editor's task runner.
const course = courseForEachTest()

/** `proclab …` with a pipe on stdin, and a way to wait for what it prints. */
function start(args: string[], env: Record<string, string> = {}) {
  const subprocess = course.proclab(args, { stdin: 'pipe', env })
  let output = ''
  subprocess.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const waitFor = async (text: string | RegExp, timeoutMs = 30_000): Promise<string> => {
    const deadline = Date.now() + timeoutMs
    while (!(typeof text === 'string' ? output.includes(text) : text.test(output))) {
      if (Date.now() > deadline) throw new Error(`proclab did not print ${String(text)} within ${timeoutMs} ms. It printed:\n${output}`)
      await new Promise((done) => setTimeout(done, 50))
    }
    return output
  }
  const type = (line: string) => subprocess.stdin!.write(`${line}\n`)
  return { subprocess, waitFor, type, output: () => output }
}

const KEYS = 'Commands: n next lesson · h hint · l list · r reset · c check all · q quit (type the letter, then Enter)'

describe('proclab watch without a terminal', () => {
  test('takes one command per line, and q quits', async () => {
    const watch = start(['watch'])
    await watch.waitFor(KEYS)
    watch.type('h')
    await watch.waitFor('## Hint 1\nFirst hint.')
    watch.type('l')
    await watch.waitFor(/Progress \[-+\] 0\/3 lessons/)
    watch.type('x')
    await watch.waitFor("'x' is not a command.")
    watch.type('q')
    const { exitCode } = await watch.subprocess
    expect(exitCode).toBe(0)
    expect(watch.output()).toMatch(/Bye! Run npm start to carry on where you left off.\n$/)
  })

  test('is what proclab alone runs, and ends with its input', async () => {
    const watch = start([])
    await watch.waitFor(KEYS)
    watch.subprocess.stdin!.end()
    const { exitCode, stdout } = await watch.subprocess
    expect(exitCode).toBe(0)
    expect(stdout).toContain('Lesson 01 (1 of 3): Saying done')
    expect(stdout).toContain('Bye!')
  })

  test('in CI it checks once and exits, even with its input still open', async () => {
    const watch = start(['watch'], { CI: 'true' })
    const { exitCode, stdout } = await watch.subprocess
    expect(exitCode).toBe(0)
    expect(stdout).toContain('✗ Lesson 01 does not pass yet')
    expect(stdout).toContain('Bye!')
  })

  test('with --manual, Enter checks again', async () => {
    const watch = start(['watch', '--manual'])
    expect(await watch.waitFor(KEYS)).toContain('Manual mode: press Enter to check again.')
    course.write('lessons/01-good/exercise.ts', SOLVED_01)
    watch.type('')
    await watch.waitFor('✓ Lesson 01 passes')
    watch.type('q')
    await watch.subprocess
    expect(watch.output().match(/Checking your exercise…/g)).toHaveLength(2)
  })

  test('starts on the lesson asked for, and n at the last lesson says there is none', async () => {
    const watch = start(['watch', '03'])
    await watch.waitFor(KEYS)
    watch.type('n')
    await watch.waitFor('This is the last lesson: there is no next one.')
    watch.type('q')
    expect((await watch.subprocess).exitCode).toBe(0)
  })

  test('passing the last lesson with others unsolved names the first of them, not the end of the course', async () => {
    course.write('lessons/03-seeded/exercise.ts', course.read('solutions/03-seeded/exercise.ts'))
    const watch = start(['watch', '03'])
    const output = await watch.waitFor(KEYS)
    expect(output).toContain('That was the last lesson, but 2 lesson(s) do not pass yet. The first: lesson 01, Saying done. Press q, then run npx proclab watch 01')
    expect(output).not.toContain('whole course')
    watch.type('q')
    expect((await watch.subprocess).exitCode).toBe(0)
  })

  test('when every lesson passes, shows the list and exits', async () => {
    course.write('.proclab/progress.json', JSON.stringify({ lessons: Object.fromEntries(['01-good', '02-too-easy', '03-seeded'].map((id) => [id, { passed: true, checkedAt: '' }])), hints: {} }))
    const { exitCode, stdout } = await start(['watch']).subprocess
    expect(exitCode).toBe(0)
    expect(stdout).toContain('Every lesson passes. Well done!')
  })
})

describe('stopping watch mode from outside', () => {
  test('SIGTERM in the middle of a check stops it, and every process it started', async () => {
    course.write('lessons/01-good/exercise.ts', "setTimeout(() => console.log('done'), 20_000)\n")
    const watch = start(['watch'])
    await waitForProgram(course.dir, 'lessons/01-good/exercise.ts')
    watch.subprocess.kill('SIGTERM')
    const { exitCode, stdout, signal, stderr } = await watch.subprocess
    expect({ exitCode, signal, stderr }).toEqual({ exitCode: 0, signal: undefined, stderr: '' })
    expect(stdout).toContain('Bye!')
    await expectNoProcessesIn(course.dir)
  })
})
