// Mistake: the parent sleeps instead of joining the measurer and the printer before 'main: done'
// Fails: the parent joined both children before 'main: done'
// Says: without having joined both children
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as mp from '@proclab/core'

/** What the measurer sends to the printer: which file, its size, and who measured it. */
export interface SizeReport {
  path: string
  bytes: number
  measuredBy: number
}

export async function measure(path: string, reports: mp.Queue<SizeReport>): Promise<void> {
  // Read the whole file and count its bytes, as the homework asks (a Buffer's length is in bytes, not characters).
  const bytes = readFileSync(path).length
  console.log(`measurer pid=${process.pid}: read ${bytes} bytes`)
  // Its memory is its own, so the result has to travel: a plain object crosses the queue as a copy.
  await reports.put({ path, bytes, measuredBy: process.pid })
}

export async function show(reports: mp.Queue<SizeReport>): Promise<void> {
  // get() waits until the measurer has put its report, however long reading the file takes.
  const report = await reports.get()
  console.log(`printer pid=${process.pid}: ${report.path} is ${report.bytes} bytes (measured by pid ${report.measuredBy})`)
}

if (mp.isMain(import.meta)) {
  // The file to measure comes from the command line; without one, the program measures itself.
  const path = resolve(process.argv[2] ?? fileURLToPath(import.meta.url))
  console.log(`main pid=${process.pid}: measuring ${path}`)
  const reports = new mp.Queue<SizeReport>()
  const measurer = new mp.Process({ target: measure, args: [path, reports], name: 'measurer' })
  const printer = new mp.Process({ target: show, args: [reports], name: 'printer' })
  // Either may start first: the printer just waits on the queue until the report is there.
  printer.start()
  measurer.start()
  // Measuring a file takes far less than two seconds.
  await mp.sleep(2000)
  // A measurer that failed (no such file, say) sends no report, and the printer would wait for ever: stop it.
  if (measurer.exitCode !== 0) {
    printer.terminate()
    process.exitCode = 1
  }
  console.log('main: done')
}
