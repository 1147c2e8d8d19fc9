import { describe, test } from 'vitest'
import { expectProgram, runExercise, translator } from '@proclab/harness'
import { messages } from './messages.ts'

const t = translator(messages)

const run = await runExercise(import.meta.url)
const program = expectProgram(run)

// `joined <name> pid=<pid> exitCode=<code> alive=<true|false>`, printed after every child was joined.
const JOINED = /^joined (\S+) pid=(\d+) exitCode=(-?\d+|null) alive=(true|false)$/

function joinedLine(name: string): RegExpMatchArray {
  const line = program.lines(JOINED).find((m) => m[1] === name)
  program.that(line !== undefined, t('printJoined', { name }), {
    expected: t('aJoinedLine', { name, pattern: String(JOINED) }),
    found: t('noSuchLine'),
  })
  return line!
}

describe(t('lesson'), () => {
  test(t('exits'), () => {
    program.exitCode(0, t('exitsHint'))
  })

  test(t('reportedOnce'), () => {
    const names = program.lines(JOINED).map((m) => m[1])
    program.equal([...names].sort(), ['crasher', 'finisher', 'quitter', 'sleeper'], t('reportedOnceHint'))
  })

  const EXIT_CODES = [
    ['finisher', 0],
    ['crasher', 1],
    ['quitter', 3],
    ['sleeper', -15],
  ] as const
  for (const [name, code] of EXIT_CODES) {
    test(t('exitCodeOf', { name, code }), () => {
      const [, , , exitCode] = joinedLine(name)
      // Each child's hint is the message named after it.
      const known = exitCode === 'null' ? t('stillNull', { name }) : t(name)
      program.that(exitCode === String(code), known, { expected: `exitCode=${code}`, found: `exitCode=${exitCode}` })
    })
  }

  test(t('crasherStderr'), () => {
    program.that(/^Process crasher:$/m.test(run.stderr), t('crasherStderrHint'), {
      expected: t('aStderrLine'),
      found: run.stderr.trim() === '' ? t('emptyStderr') : t('noSuchLine'),
    })
  })

  test(t('notAlive'), () => {
    const stillAlive = program.lines(JOINED).filter((m) => m[4] !== 'false').map((m) => m[1])
    program.equal(stillAlive, [], t('notAliveHint'))
  })
})
