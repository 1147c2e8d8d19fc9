import { describe, test } from 'vitest'
import { expectProgram, runExercise } from '@proclab/harness'

// A reader that is never stopped keeps the program waiting for ever: give up well before vitest does.
const run = await runExercise(import.meta.url, { timeout: 20_000 })
const program = expectProgram(run)

const URLS_A = ['url_A1', 'url_A2', 'url_A3']
const URLS_B = ['url_B1', 'url_B2', 'url_B3']
// `reader: got url_A1`, printed by the reader for each url it takes off the queue.
const GOT = /^reader: got (\S+)$/
// `main: reader exitCode=-15`, printed by the parent after joining the reader.
const READER_EXIT = /^main: reader exitCode=(-?\d+|null)$/

const received = program.lines(GOT).map((m) => m[1]!)

describe('lesson 09: producers and consumers', () => {
  test('the program exits normally', () => {
    program.exitCode(0, 'The program should finish without an error.')
  })

  test('the reader received all six urls, each once', () => {
    const hint =
      received.length === 0
        ? 'The reader printed no `reader: got <url>` line. In reader(), loop for ever: `const url = await q.get()`, print ' +
          '`reader: got ${url}`, then `await handled.put(url)`.'
        : received.length < 6
          ? 'Some urls were never printed by the reader: the parent stopped it too early. After joining the writers, take ' +
            'six reports with `await handled.get()` before `r.terminate()`, and in the reader print each url before reporting it.'
          : 'Each url should be printed exactly once: take each with one `await q.get()` and print it once.'
    program.equal([...received].sort(), [...URLS_A, ...URLS_B].sort(), hint)
  })

  test.each([
    ['A', URLS_A],
    ['B', URLS_B],
  ] as const)("writer %s's urls arrived in the order it put them", (writer, urls) => {
    const fromWriter = received.filter((url) => (urls as readonly string[]).includes(url))
    const hint =
      fromWriter.length < urls.length
        ? `Not all of writer ${writer}'s urls reached the reader (see the test above): the reader must keep getting until the ` +
          'parent stops it.'
        : `A Queue is first in, first out for each producer: writer ${writer}'s urls come out in the order it put them, ` +
          "though the two writers' urls may be mixed in any way. Print each url in the reader as soon as you get it."
    program.equal(fromWriter, [...urls], hint)
  })

  test('the parent stopped the reader with terminate()', () => {
    const [, code] = program.line(
      READER_EXIT,
      'The parent should print `main: reader exitCode=…` once the reader has exited: keep `await r.join()` and that line at the end.',
    )
    const hint =
      code === '0'
        ? "The reader returned by itself (exit code 0). Like the Python version's proc_read, it should loop for ever " +
          '(`for (;;) { … }`), and the parent should end it with `r.terminate()` once all six urls are handled.'
        : code === 'null'
          ? 'The exit code was still null: it is known only once the reader has exited. Call `r.terminate()`, then `await r.join()`, then print.'
          : code === '1'
            ? 'The reader crashed (exit code 1): read its stderr below.'
            : "terminate() sends SIGTERM (signal 15), so a reader stopped by it has exit code -15: stop it with `r.terminate()`, then `await r.join()`."
    program.equal(`exitCode=${code}`, 'exitCode=-15', hint)
  })
})
