import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { randomBytes, randomInt } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'vitest'
import { expectProgram, runExercise, translator, type ProgramRun } from '@proclab/harness'
import { messages } from './messages.ts'

const t = translator(messages)

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

const NO_PRINTER = t('noPrinter')

describe(t('lesson'), () => {
  test(t('exits'), () => {
    program.exitCode(0, t('exitsHint'))
  })

  test(t('realSize'), () => {
    const [, , path] = program.line(MAIN, t('printMain'))
    program.equal(path, file, t('argvPath'))
    const [, , , bytes] = program.line(PRINTER, NO_PRINTER)
    const hint = bytes === '0' ? t('zeroBytes') : t('wrongSize', { bytes, size })
    program.equal(Number(bytes), size, hint)
  })

  test(t('twoChildren'), () => {
    const [, mainPid] = program.line(MAIN, t('printMain'))
    const [, measurerPid] = program.line(MEASURER, t('printMeasurer'))
    const [, printerPid, , , measuredBy] = program.line(PRINTER, NO_PRINTER)
    program.distinct([mainPid, measurerPid, printerPid], t('threeProcesses'))
    // Who really wrote each line, from the trace: a parent that prints a child's line with the child's pid fails here.
    program.line(MEASURER, t('measurerLineByParent'), { from: 'child' })
    program.line(PRINTER, t('printerLineByParent'), { from: 'child' })
    program.equal(measuredBy, measurerPid, t('measuredBy'))
  })

  test(t('joined'), () => {
    // From the trace: the parent's own join of each child returned before its last line; a long sleep does not count.
    program.joinedChildren(t('joinedHint'), { before: /^main: done$/ })
  })
})
