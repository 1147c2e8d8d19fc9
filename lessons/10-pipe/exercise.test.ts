import { describe, test } from 'vitest'
import { expectProgram, runExercise } from '@proclab/harness'

// A receiver whose pipe never ends would wait for ever: give up well before vitest does.
const run = await runExercise(import.meta.url, { timeout: 20_000 })
const program = expectProgram(run)

const URLS = Array.from({ length: 10 }, (_, i) => `url_${i}`)
// `receiver: got url_0`, printed by the receiver for each url it takes out of the pipe.
const GOT = /^receiver: got (\S+)$/
// `receiver: EOFError, got 10`, printed by the receiver when recv() threw mp.EOFError.
const EOF = /^receiver: EOFError, got (\d+)$/
// `receiver: gave up waiting, got 10`, printed by the starter's stopgap after PATIENCE_MS of silence.
const GAVE_UP = /^receiver: gave up waiting, got (\d+)$/
// The receiver's last line, however it ended.
const RECEIVER_ENDED = /^receiver: (EOFError|gave up waiting), got \d+$/
// `main: joined, sender exitCode=0, receiver exitCode=0`, printed by the parent after both joins.
const JOINED = /^main: joined, sender exitCode=(\S+), receiver exitCode=(\S+)$/

const received = program.lines(GOT).map((m) => m[1]!)
// recv() threw EOFError and nothing caught it: the receiver crashed with it on its stderr.
const eofUncaught = /^Process receiver:/m.test(run.stderr) && /\bEOFError\b/.test(run.stderr)

describe('lesson 10: talking through a Pipe', () => {
  test('the program exits normally', () => {
    program.exitCode(0, 'The program should finish without an error.')
  })

  test('the receiver got url_0 … url_9, in order', () => {
    const hint =
      received.length === 0
        ? 'The receiver printed no `receiver: got <url>` line. In receiver(), take each url with `await conn.recv()` and ' +
          'print `receiver: got ${url}`. Keep the sender and its `args: [sendEnd, URLS]` as they are.'
        : received.length < URLS.length
          ? 'The receiver stopped before it had every url. It should keep calling recv() until recv() throws EOFError: ' +
            'EOF comes only after every url sent has been read, so nothing is lost. Do not stop because nothing has arrived yet.'
          : 'A pipe keeps order: with one sender, the urls come out of recv() in the order they were sent, each once. ' +
            'Print each url as soon as recv() returns it.'
    program.equal(received, URLS, hint)
  })

  test('the receiver ended on EOFError', () => {
    const gaveUp = program.lines(GAVE_UP).length > 0
    const hint = gaveUp
      ? 'The receiver never saw EOFError: it gave up after 2 s of silence. The sender had exited, which closed its handle ' +
        'to the send end, but the parent still holds its own copy of that end, so for the receiver more urls might come. ' +
        'Did the parent close its own copy of the send end after start()? Call `sendEnd.close()` (and `receiveEnd.close()`) ' +
        'right after `s.start()` and `r.start()`.'
      : eofUncaught
        ? 'recv() threw mp.EOFError, but nothing caught it, so the receiver crashed (see stderr). That error is the normal ' +
          'end of the pipe: call recv() inside try { … } catch (error) { … }, and when `error instanceof mp.EOFError`, ' +
          'print `receiver: EOFError, got ${got}` and return. Rethrow any other error.'
        : 'The receiver should end by printing `receiver: EOFError, got <n>` once recv() throws mp.EOFError: catch it ' +
          'around `await conn.recv()`. EOF comes only when every handle to the send end is closed: did the parent close ' +
          'its own copy of the send end after start()?'
    const [, count] = program.count(EOF, 1, hint)[0]!
    program.equal(
      Number(count),
      URLS.length,
      'The receiver should count every url it got (`got++` after each recv()) and print that count with its EOFError line.',
    )
  })

  test('the parent joined both children after the receiver had ended', () => {
    const [, senderCode, receiverCode] = program.line(
      JOINED,
      'The parent should print `main: joined, sender exitCode=…, receiver exitCode=…` once both children have exited: ' +
        'keep `await s.join()`, `await r.join()` and that line at the end.',
    )
    program.equal(
      { sender: senderCode, receiver: receiverCode },
      { sender: '0', receiver: '0' },
      receiverCode === '1'
        ? 'The receiver crashed (exit code 1): read its stderr below. An uncaught EOFError means recv() reached the end ' +
          'of the pipe and nothing caught it: catch mp.EOFError around recv().'
        : 'Both children should end normally, with exit code 0: the sender once it has sent every url, the receiver once ' +
          'recv() has thrown EOFError.',
    )
    program.before(
      RECEIVER_ENDED,
      JOINED,
      'The parent printed its last line before the receiver had ended: `await r.join()` before that line.',
    )
  })
})
