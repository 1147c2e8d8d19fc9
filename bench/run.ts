/**
 * `npm run bench`: proclab's figures side by side with Python's multiprocessing on this machine.
 * Usage: npm run bench [-- --runs N]
 */
import { cpus, totalmem } from 'node:os'
import { parseArgs } from 'node:util'
import * as mp from '@proclab/core'
import { printTable } from './stats.ts'
import { startupBenchmark, startupRow } from './startup.ts'

if (mp.isMain(import.meta)) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' } } })
  const runs = Number(values.runs)
  console.log(`proclab benchmarks: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${process.platform}`)
  console.log(`Medians and 90th percentiles of ${runs} runs, in ms.\n`)

  console.log('Start-up of one child (start → first message on a Unix socket; start → exited and joined)\n')
  const { rows, rssMiB } = await startupBenchmark(runs)
  printTable([['', 'first msg', 'p90', 'start+join', 'p90'], ...rows.map(startupRow)])
  if (rssMiB !== undefined) console.log(`\nIdle RSS of a proclab child: ${rssMiB.toFixed(1)} MiB`)
}
