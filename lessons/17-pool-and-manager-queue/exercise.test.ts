import { describe, test } from 'vitest'
import { expectProgram, raisedErrors, runExercise, translator } from '@proclab/harness'
import { messages } from './messages.ts'

const t = translator(messages)

// The solution ends in about a second: give up well before vitest does.
const run = await runExercise(import.meta.url, {
  timeout: 20_000,
  timeoutHint: t('timeout'),
})
const program = expectProgram(run)

const NUMBERS = [1, 2, 3]
// `plain mp.Queue refused: <proclab's message>`, printed by the parent when the pool refused the plain queue.
const REFUSED = /^plain mp\.Queue refused: (.*)$/
// `write: put 2 in PoolWorker-1`, printed by each writer task.
const WROTE = /^write: put (\d+) in (\S+)$/
// `read: took [2,1,3] in PoolWorker-2`, printed by the reader task.
const READ = /^read: took (\[.*\]) in (\S+)$/
// `main: the reader got [2,1,3]`, printed by the parent with what the reader task returned.
const GOT = /^main: the reader got (.*)$/
const POOL_WORKER = /^PoolWorker-\d+$/
// The refusal, when nothing caught it: the program crashed with it on stderr.
const uncaughtRefusal = run.exitCode !== 0 && /cannot send args\[\d+\]: it is a shared object of this process/.test(run.stderr)

const writes = program.lines(WROTE).map((m) => ({ n: Number(m[1]), name: m[2]! }))

/** What the parent printed as the reader's result, or null if it is not a JSON list. */
function readerResult(): number[] | null {
  const [, text] = program.line(GOT, uncaughtRefusal ? t('crashedInSection1') : t('printReaderGot'))
  try {
    const value: unknown = JSON.parse(text!)
    return Array.isArray(value) ? (value as number[]) : null
  } catch {
    return null
  }
}

describe(t('lesson'), () => {
  test(t('exits'), () => {
    program.exitCode(0, uncaughtRefusal ? t('refusalUncaught') : t('exitsHint'))
  })

  test(t('refused'), () => {
    const [, message] = program.line(REFUSED, uncaughtRefusal ? t('refusalCrashed') : t('tryPlainQueue'), { from: 'main' })
    // From the trace: the pool really threw its refusal in the parent, and the line prints that very error's message.
    program.raised('TypeError', t('notFromCore'), { from: 'main' })
    const thrown = raisedErrors(run.trace, 'TypeError').filter((e) => e.pid === run.pid).map((e) => String(e.message))
    program.that(thrown.includes(message!), t('ownMessage'), { expected: t('coreMessage', { message: thrown[0]! }), found: message })
    if (writes.length > 0) {
      program.before(REFUSED, WROTE, t('sectionOrder'))
    }
  })

  test(t('writers'), () => {
    const numbers = writes.map((w) => w.n).sort((a, b) => a - b)
    program.equal(
      numbers,
      NUMBERS,
      writes.length === 0 ? (uncaughtRefusal ? t('noWriterAfterCrash') : t('noWriter')) : t('onePerNumber'),
    )
    // The line says which worker wrote; the trace says who printed it: the same pool worker, not the parent.
    const writerAuthors = program.printedBy(WROTE)
    const misprinted = program.lines(WROTE).filter((m, i) => writerAuthors[i]?.name !== m[2])
    program.that(misprinted.length === 0, t('lineByOther', { task: 'write' }), {
      expected: t('ownLine'),
      found: misprinted.map((m) => t('printedByOther', { line: m[0], who: writerAuthors[program.lines(WROTE).indexOf(m)]?.name ?? '?' })),
    })
    const outside = writes.filter((w) => !POOL_WORKER.test(w.name))
    program.that(outside.length === 0, t('asPoolTasks'), {
      expected: t('everyWriterInWorker'),
      found: outside.map((w) => `write ${w.n} in ${w.name}`),
    })
  })

  test(t('readerGot'), () => {
    const got = readerResult()
    program.that(Array.isArray(got), t('printJson'), {
      expected: t('inAnyOrder'),
      found: `main: the reader got ${program.lines(GOT)[0]?.[1]}`,
    })
    const reads = program.lines(READ)
    program.that(
      reads.length > 0 && POOL_WORKER.test(reads[0]![2]!),
      reads.length === 0 ? t('readerDidNotRun') : t('readerInPool'),
      { expected: 'read: took […] in PoolWorker-N', found: reads.map((m) => m[0]) },
    )
    const readAuthors = program.printedBy(READ)
    program.that(readAuthors[0]?.name === reads[0]![2], t('lineByOther', { task: 'read' }), {
      expected: t('ownLine'),
      found: t('printedByOther', { line: reads[0]![0], who: readAuthors[0]?.name ?? '?' }),
    })
    const sorted = [...got!].sort((a, b) => a - b)
    const hint =
      got!.length === 0
        ? writes.length > 0
          ? t('queueEmpty')
          : t('noWriterRan')
        : got!.length < NUMBERS.length
          ? t('readerTooEarly')
          : t('eachNumberOnce')
    // Three writers run side by side, so the order they put their numbers in is up to the scheduler: compare as a set.
    program.equal(sorted, NUMBERS, hint)
  })
})
