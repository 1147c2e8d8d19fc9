#!/usr/bin/env node
// The worker program of @proclab/cluster (`proclab worker` in a course runs the same code).
import { workerMain } from '../dist/worker/main.js'

workerMain(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(`proclab worker: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 2
  },
)
