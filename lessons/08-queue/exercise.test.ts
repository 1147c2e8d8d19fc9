import { describe, test } from 'vitest'
import { expectProgram, raisedErrors, runExercise, translator, type ProgramExpectations, type ProgramRun } from '@proclab/harness'
import { messages } from './messages.ts'

const t = translator(messages)

// A reader that waits for an item nobody puts would wait forever: give up well before vitest does. A run
// that never ends fails the first check, with the lesson's words on what waits on what.
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

const DATA = [11, 22, 33, 44]
// `writer: put 11`, printed by the writer after each put.
const PUT = /^writer: put (\d+)$/
// `reader: got [11,22,33,44]`, printed by the reader once it has taken its items.
const GOT = /^reader: got (\[.*\])$/
// Printed by the reader when getNowait() on the drained queue threw mp.Empty.
const DRAINED = /^reader: drained, getNowait\(\) threw Empty$/
// An uncaught error in the reader is reported on stderr as `Process reader:` and its stack.
const readerCrashed = run !== undefined && /^Process reader:/m.test(run.stderr)

/** The reader's printed list, or null if it was not printed as JSON. */
function parseList(text: string): number[] | null {
  try {
    const value: unknown = JSON.parse(text)
    return Array.isArray(value) ? (value as number[]) : null
  } catch {
    return null
  }
}

describe(t('lesson'), () => {
  test(t('exits'), () => {
    checks().exitCode(0, t('exitsHint'))
  })

  test(t('writerPut'), () => {
    const program = checks()
    const put = program.lines(PUT).map((m) => Number(m[1]))
    program.equal(put, DATA, t('writerPutHint'))
    // The writer process itself put them: a parent that fills the queue and prints these lines did the writer's job.
    program.count(PUT, DATA.length, t('writerPutsItself'), { from: 'writer' })
  })

  test(t('readerGot'), () => {
    const program = checks()
    program.line(GOT, readerCrashed ? t('readerCrashed') : t('readerPrints'))
    const [, shown] = program.line(GOT, t('readerGetsItself'), { from: 'reader' })
    const got = parseList(shown!)
    program.that(Array.isArray(got), t('printJson'), {
      expected: 'reader: got [11,22,33,44]',
      found: `reader: got ${shown}`,
    })
    const hint = got!.length === 0 ? t('tookNothing') : got!.length < DATA.length ? t('stoppedEarly') : t('firstInFirstOut')
    program.equal(got, DATA, hint)
    // get() waits for each item and throws nothing: an Empty the reader got before its four items means it polled.
    const gotAt = run!.trace.find((e) => e.event === 'output' && e.name === 'reader' && String(e.text).startsWith('reader: got'))?.t ?? Infinity
    const polled = raisedErrors(run!.trace, 'Empty').filter((e) => e.name === 'reader' && e.t < gotAt).length
    program.that(polled === 0, t('polled', { count: polled }), { expected: t('noEmptyBeforeGot'), found: t('emptiesBeforeGot', { count: polled }) })
  })

  test(t('caughtEmpty'), () => {
    const program = checks()
    const uncaught = readerCrashed && /\bEmpty\b/.test(run!.stderr)
    program.count(DRAINED, 1, uncaught ? t('emptyUncaught') : t('showDrained'), { from: 'reader' })
    program.before(GOT, DRAINED, t('drainedAfterGot'))
    // The line only says so: the trace shows whether the reader's getNowait() really threw Empty.
    program.raised('Empty', t('emptyNotRaised'), { from: 'reader' })
  })
})
