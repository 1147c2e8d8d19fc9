import { describe, test } from 'vitest'
import { expectProgram, runExercise, translator, type ProgramExpectations, type ProgramRun } from '@proclab/harness'
import { messages } from './messages.ts'

const t = translator(messages)

// A reader that is never stopped keeps the program waiting for ever: give up well before vitest does. A run
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

const URLS_A = ['url_A1', 'url_A2', 'url_A3']
const URLS_B = ['url_B1', 'url_B2', 'url_B3']
// `reader: got url_A1`, printed by the reader for each url it takes off the queue.
const GOT = /^reader: got (\S+)$/
// `main: reader exitCode=-15`, printed by the parent after joining the reader.
const READER_EXIT = /^main: reader exitCode=(-?\d+|null)$/

// The urls as the reader itself printed them: a `reader: got` line from another process is not the reader's.
const received = run === undefined ? [] : expectProgram(run).lines(GOT, { from: 'reader' }).map((m) => m[1]!)
// Whether a signal ended the reader (its exit as the parent traced it): stopped, maybe before it printed anything.
const readerExit = run?.trace.findLast((e) => e.event === 'exit' && e.name === 'reader')?.exitCode
const readerStopped = typeof readerExit === 'number' && readerExit < 0

describe(t('lesson'), () => {
  test(t('exits'), () => {
    checks().exitCode(0, t('exitsHint'))
  })

  test(t('allSix'), () => {
    const program = checks()
    program.count(GOT, program.lines(GOT).length, t('readerPrintsGot'), { from: 'reader' })
    const hint = received.length >= 6 ? t('eachOnce') : received.length > 0 || readerStopped ? t('stoppedTooEarly') : t('nothingPrinted')
    program.equal([...received].sort(), [...URLS_A, ...URLS_B].sort(), hint)
  })

  const WRITERS = [
    ['A', URLS_A],
    ['B', URLS_B],
  ] as const
  for (const [writer, urls] of WRITERS) {
    test(t('writerOrder', { writer }), () => {
      const program = checks()
      const fromWriter = received.filter((url) => urls.includes(url))
      const hint = fromWriter.length < urls.length ? t('notAllArrived', { writer }) : t('fifoPerWriter', { writer })
      program.equal(fromWriter, [...urls], hint)
    })
  }

  test(t('terminated'), () => {
    const program = checks()
    const [, code] = program.line(READER_EXIT, t('printReaderExit'))
    const hint = code === '0' ? t('returnedByItself') : code === 'null' ? t('exitCodeNull') : code === '1' ? t('crashed') : t('sigterm')
    program.equal(`exitCode=${code}`, 'exitCode=-15', hint)
    // The trace shows whether the parent itself terminated the reader, and joined every child before this line.
    program.stopped('reader', t('notTerminatedByParent'))
    program.joinedChildren(t('joinBeforeExitCode'), { before: READER_EXIT })
  })
})
