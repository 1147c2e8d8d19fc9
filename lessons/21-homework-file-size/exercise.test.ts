import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { randomBytes, randomInt } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'vitest'
import { expectProgram, runExercise, type ProgramRun } from '@proclab/harness'

// A file of a size nobody can guess, so the program has to measure it.
const dir = mkdtempSync(join(tmpdir(), 'proclab-21-'))
const file = join(dir, 'data.bin')
writeFileSync(file, randomBytes(randomInt(1000, 100_000)))
const size = statSync(file).size

let run: ProgramRun
try {
  // A printer waiting for a report that never comes would wait for ever: give up well before vitest does.
  run = await runExercise(import.meta.url, { args: [file], timeout: 20_000 })
} finally {
  rmSync(dir, { recursive: true, force: true })
}
const program = expectProgram(run)

// `main pid=…: measuring <path>`, printed by the parent first.
const MAIN = /^main pid=(\d+): measuring (.+)$/
// `measurer pid=…: read <n> bytes`, printed by the process that measured the file.
const MEASURER = /^measurer pid=(\d+): read (\d+) bytes$/
// `printer pid=…: <path> is <n> bytes (measured by pid …)`, printed by the process that received the report.
const PRINTER = /^printer pid=(\d+): (.+) is (\d+) bytes \(measured by pid (\d+)\)$/

const NO_PRINTER =
  'The printer should print `printer pid=…: <path> is <n> bytes (measured by pid …)`. In show(), take the report with ' +
  '`await reports.get()` and print it; in the guarded block, start a Process running `show` with `[reports]` and ' +
  'another running `measure` with `[path, reports]`, then `await` both joins.'

describe('lesson 21: a file size sent from one process to another', () => {
  test('the program exits normally', () => {
    program.exitCode(0, 'The program should finish without an error.')
  })

  test('the printed size is the real size of the file', () => {
    const [, , path] = program.line(MAIN, 'The parent should still print `main pid=…: measuring <path>` first: keep that line.')
    program.equal(path, file, 'The program should measure the file named on its command line: keep `process.argv[2]` as the path.')
    const [, , , bytes] = program.line(PRINTER, NO_PRINTER)
    const hint =
      bytes === '0'
        ? 'The printer printed 0 bytes: in measure(), replace `const bytes = 0` with the real size, `readFileSync(path).length`.'
        : `The printer printed ${bytes} bytes, but the file the test made holds ${size}. Measure the file at the path that ` +
          'measure() was given, in bytes: `readFileSync(path).length` (a string\'s length counts characters, not bytes).'
    program.equal(Number(bytes), size, hint)
  })

  test('the file was measured and printed by two different children', () => {
    const [, mainPid] = program.line(MAIN, 'The parent should still print `main pid=…: measuring <path>` first: keep that line.')
    const [, measurerPid] = program.line(MEASURER, 'The measurer should print `measurer pid=…: read <n> bytes`: keep that line in measure(), and run measure() in a Process.')
    const [, printerPid, , , measuredBy] = program.line(PRINTER, NO_PRINTER)
    program.distinct(
      [mainPid, measurerPid, printerPid],
      'The parent, the measurer and the printer should be three different processes: run measure() and show() each ' +
        'in its own `new mp.Process(…)` instead of calling them from the parent.',
    )
    program.equal(
      measuredBy,
      measurerPid,
      'The printer should say who measured the file, from the report it received: in measure(), put ' +
        '`{ path, bytes, measuredBy: process.pid }` on the queue, and print `report.measuredBy` in show().',
    )
  })
})
