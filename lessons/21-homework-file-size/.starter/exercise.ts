// Lesson 21 (homework): one process measures a file, another prints the size.
// Run it:   npx proclab run 21 <file>      Check it: npx proclab check 21
// (Without <file> the program measures its own exercise.ts.)
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

// Runs in the first child.
export async function measure(path: string, reports: mp.Queue<SizeReport>): Promise<void> {
  // TODO: read the file at `path` and count its bytes. readFileSync(path) gives a Buffer; its length is
  //       the size in bytes.
  const bytes = 0
  console.log(`measurer pid=${process.pid}: read ${bytes} bytes`)
  // TODO: send the printer a report, { path, bytes, measuredBy: process.pid }, through the `reports` queue.
}

// Runs in the second child.
export async function show(reports: mp.Queue<SizeReport>): Promise<void> {
  // TODO: take the report off the queue and print it, exactly like this:
  //       `printer pid=${process.pid}: ${report.path} is ${report.bytes} bytes (measured by pid ${report.measuredBy})`
}

if (mp.isMain(import.meta)) {
  // The file to measure comes from the command line; without one, the program measures itself.
  const path = resolve(process.argv[2] ?? fileURLToPath(import.meta.url))
  console.log(`main pid=${process.pid}: measuring ${path}`)
  const reports = new mp.Queue<SizeReport>()
  // TODO: create two Processes: a measurer running `measure` with [path, reports], and a printer running
  //       `show` with [reports]. Start both, then wait for both.
  console.log('main: done')
}
