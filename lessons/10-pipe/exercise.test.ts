import { describe, test } from 'vitest'
import { expectProgram, runExercise, translator, type ProgramExpectations, type ProgramRun } from '@proclab/harness'
import { messages } from './messages.ts'

const t = translator(messages)

// A receiver whose pipe never ends would wait for ever: give up well before vitest does. A run that never
// ends fails the first check, with the lesson's words on what waits on what.
let run: ProgramRun | undefined
let unfinished: unknown
try {
  run = await runExercise(import.meta.url, { timeout: 20_000, timeoutHint: t('timeout') })
} catch (error) {
  unfinished = error
}
/** The checks of the run; throws the timeout's failure when the program never ended. */
function checks(): ProgramExpectations {
  if (run === undefined) throw unfinished
  return expectProgram(run)
}

const URLS = Array.from({ length: 10 }, (_, i) => `url_${i}`)
// `receiver: got url_0`, printed by the receiver for each url it takes out of the pipe.
const GOT = /^receiver: got (\S+)$/
// `receiver: EOFError, got 10`, printed by the receiver when recv() threw mp.EOFError.
const EOF = /^receiver: EOFError, got (\d+)$/
// Printed by the starter's stopgap in the parent, which terminates a receiver still waiting PATIENCE_MS after the sender.
const GAVE_UP = /^main: the receiver still waits in recv\(\)/
// `main: joined, sender exitCode=0, receiver exitCode=0`, printed by the parent after both joins.
const JOINED = /^main: joined, sender exitCode=(\S+), receiver exitCode=(\S+)$/

const received = run === undefined ? [] : expectProgram(run).lines(GOT).map((m) => m[1]!)
// recv() threw EOFError and nothing caught it: the receiver crashed with it on its stderr.
const eofUncaught = run !== undefined && /^Process receiver:/m.test(run.stderr) && /\bEOFError\b/.test(run.stderr)

describe(t('lesson'), () => {
  test(t('exits'), () => {
    // Closing an end before start() leaves nothing to hand the child: core's StateError says so on stderr.
    const closedFirst = /was closed in this process/.test(run?.stderr ?? '')
    checks().exitCode(0, closedFirst ? t('closedBeforeStart') : t('exitsHint'))
  })

  test(t('inOrder'), () => {
    const program = checks()
    const hint = received.length === 0 ? t('nothingPrinted') : received.length < URLS.length ? t('stoppedEarly') : t('keepsOrder')
    program.equal(received, URLS, hint)
    program.count(GOT, URLS.length, t('receiverPrints'), { from: 'receiver' })
  })

  test(t('endedOnEof'), () => {
    const program = checks()
    const gaveUp = program.lines(GAVE_UP).length > 0
    const hint = gaveUp ? t('gaveUp') : eofUncaught ? t('eofUncaught') : t('catchEof')
    const [, count] = program.count(EOF, 1, hint)[0]!
    // The line only says so: the trace says whether recv() really threw EOFError in the receiver.
    program.raised('EOFError', t('eofNotRaised'), { from: 'receiver' })
    program.count(EOF, 1, t('receiverPrints'), { from: 'receiver' })
    program.equal(Number(count), URLS.length, t('countEvery'))
  })

  test(t('joinedAfter'), () => {
    const program = checks()
    const [, senderCode, receiverCode] = program.line(JOINED, t('printJoined'))
    program.equal(
      { sender: senderCode, receiver: receiverCode },
      { sender: '0', receiver: '0' },
      receiverCode === '1' ? t('receiverCrashed') : t('bothNormal'),
    )
    program.before(EOF, JOINED, t('joinReceiver'))
    // From the trace: the parent's own join of each child returned before this line; an exit code read without it is a guess.
    program.joinedChildren(t('joinBoth'), { before: JOINED })
  })
})
