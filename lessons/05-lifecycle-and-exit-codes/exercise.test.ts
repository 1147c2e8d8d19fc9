import { describe, test } from 'vitest'
import { expectProgram, runExercise } from '@proclab/harness'

const run = await runExercise(import.meta.url)
const program = expectProgram(run)

// `joined <name> pid=<pid> exitCode=<code> alive=<true|false>`, printed after every child was joined.
const JOINED = /^joined (\S+) pid=(\d+) exitCode=(-?\d+|null) alive=(true|false)$/

function joinedLine(name: string): RegExpMatchArray {
  const line = program.lines(JOINED).find((m) => m[1] === name)
  program.that(line !== undefined, `The parent should print \`joined ${name} pid=… exitCode=… alive=…\` after joining ${name}. Keep the report loop at the end of the guarded block.`, {
    expected: `a line for ${name} matching ${JOINED}`,
    found: 'no such line',
  })
  return line!
}

describe('lesson 05: lifecycle and exit codes', () => {
  test('the program exits normally even though a child crashed', () => {
    program.exitCode(
      0,
      "The parent should exit with code 0: a child's crash ends only that child. If the parent failed, the error was " +
        'thrown in the parent: throw it inside crash(), which runs in the child, not in the guarded block.',
    )
  })

  test('each of the four children is reported once after joining', () => {
    const names = program.lines(JOINED).map((m) => m[1])
    program.equal(
      [...names].sort(),
      ['crasher', 'finisher', 'quitter', 'sleeper'],
      'The parent should print one `joined …` line for each child: finisher, crasher, quitter and sleeper. Keep the four Process objects and the report loop.',
    )
  })

  test.each([
    ['finisher', 0, 'finisher returns normally, so its exit code should be 0. Leave finish() as it is.'],
    ['crasher', 1, 'crasher should die of an uncaught error, which gives exit code 1: throw an Error in crash() and do not catch it.'],
    ['quitter', 3, 'quitter should end with exit code 3: call process.exit(3) in quit().'],
    [
      'sleeper',
      -15,
      'sleeper should be stopped by its parent: call sleeper.terminate() after join(500). A child killed by SIGTERM (signal 15) ' +
        'has exit code -15; 0 means it was left to finish its whole 3 s job.',
    ],
  ] as const)('%s has exit code %i', (name, code, hint) => {
    const [, , , exitCode] = joinedLine(name)
    const known = exitCode === 'null' ? `${name}'s exit code was still null: it is known only once the child has exited, after \`await p.join()\`.` : hint
    program.that(exitCode === String(code), known, { expected: `exitCode=${code}`, found: `exitCode=${exitCode}` })
  })

  test("the crasher's error went to its own stderr", () => {
    program.that(
      /^Process crasher:$/m.test(run.stderr),
      'An uncaught error in a child is reported on stderr as `Process crasher:` followed by the stack. None was found: did crash() throw?',
      { expected: 'a stderr line `Process crasher:`', found: run.stderr.trim() === '' ? 'empty stderr' : 'no such line' },
    )
  })

  test('isAlive() is false for every child after join', () => {
    const stillAlive = program.lines(JOINED).filter((m) => m[4] !== 'false').map((m) => m[1])
    program.equal(stillAlive, [], 'After `await p.join()` a child has exited, so p.isAlive() should print false. Print the report only after joining every child.')
  })
})
