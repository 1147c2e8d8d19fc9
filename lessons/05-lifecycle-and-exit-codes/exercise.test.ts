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

/** The child named `name` as the trace saw it: its pid at spawn, and the exit code it really ended with. */
function realChild(name: string): { pid?: number; exitCode?: number } {
  const spawn = run.trace.find((e) => e.event === 'spawn' && e.ppid === run.pid && e.name === name)
  const exit = run.trace.findLast((e) => e.event === 'exit' && spawn !== undefined && e.pid === spawn.pid)
  return { pid: spawn?.pid, exitCode: typeof exit?.exitCode === 'number' ? exit.exitCode : undefined }
}

describe(t('lesson'), () => {
  test(t('exits'), () => {
    program.exitCode(0, t('exitsHint'))
  })

  test(t('reportedOnce'), () => {
    const names = program.lines(JOINED).map((m) => m[1])
    program.equal([...names].sort(), ['crasher', 'finisher', 'quitter', 'sleeper'], t('reportedOnceHint'))
  })

  // A sleep long enough looks the same in the output; only the trace shows whether the parent joined.
  test(t('joinedFirst'), () => {
    program.joinedChildren(t('joinedFirstHint'), { before: JOINED })
  })

  test(t('realPids'), () => {
    for (const [, name, pid] of program.lines(JOINED)) {
      const real = realChild(name!).pid
      program.that(Number(pid) === real, t('realPidsHint', { name: name! }), { expected: `pid=${real}`, found: `pid=${pid}` })
    }
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
      program.that(exitCode !== 'null', t('stillNull', { name }), { expected: `exitCode=${code}`, found: 'exitCode=null' })
      // What the child really ended with, from the trace: a report can print any number.
      const real = realChild(name).exitCode
      // Each child's hint is the message named after it.
      program.that(real === code, t(name), { expected: `exitCode=${code}`, found: t('realExit', { real: String(real), printed: exitCode! }) })
      program.that(exitCode === String(real), t('notReal', { name, real: String(real) }), { expected: `exitCode=${real}`, found: `exitCode=${exitCode}` })
      // The same -15 comes from a child that SIGTERMs itself: the trace shows whether the parent called terminate().
      if (name === 'sleeper') program.stopped(name, t('notTerminated'))
    })
  }

  test(t('crasherStderr'), () => {
    program.that(/^Process crasher:$/m.test(run.stderr), t('crasherStderrHint'), {
      expected: t('aStderrLine'),
      found: run.stderr.trim() === '' ? t('emptyStderr') : t('noSuchLine'),
    })
    // The report is proclab's, made for an error nothing caught: a child that prints it and exits with 1 did not crash.
    const crasher = realChild('crasher').pid
    program.that(
      run.trace.some((e) => e.event === 'uncaught' && e.pid === crasher),
      t('reportWrittenByHand'),
      { expected: t('anUncaughtError'), found: t('noUncaughtError') },
    )
  })

  test(t('notAlive'), () => {
    const stillAlive = program.lines(JOINED).filter((m) => m[4] !== 'false').map((m) => m[1])
    program.equal(stillAlive, [], t('notAliveHint'))
  })
})
