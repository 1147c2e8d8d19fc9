/**
 * `npm run bench`: proclab's figures side by side with Python's multiprocessing on this machine.
 * Usage: npm run bench [-- --runs N]
 */
import { cpus, totalmem } from 'node:os'
import { parseArgs } from 'node:util'
import * as mp from '@proclab/core'
import { printTable } from './stats.ts'
import { messagingBenchmark, type MessagingFigures } from './messaging.ts'
import { proclabPools, pythonPools, workerpoolRate, type PoolFigures } from './pools.ts'
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

  console.log('\nQueues and pipes (children produce, the parent consumes; start-up not counted)\n')
  const { proclab, python } = await messagingBenchmark(1)
  const messagingRows: [string, keyof MessagingFigures, 'higher' | 'lower', (n: number) => string][] = [
    ['Queue 1→1, small messages/s', 'queue1to1', 'higher', thousands],
    ['Queue 1→1, consumer in a child, messages/s', 'queueToChild', 'higher', thousands],
    ['Queue(maxsize 3) 1→1, messages/s', 'queueBounded', 'higher', thousands],
    ['Queue 2→1, messages/s', 'queue2to1', 'higher', thousands],
    ['Pipe round trip, µs', 'pipeRoundTripMicros', 'lower', (n) => n.toFixed(1)],
    ['Pipe 1 MiB payloads, MiB/s', 'pipeMiBps', 'higher', (n) => n.toFixed(0)],
  ]
  printTable([
    ['', 'proclab', 'Python', 'proclab ÷ Python'],
    ...messagingRows.map(([label, key, better, show]) => {
      const ours = proclab[key]
      const theirs = python?.[key]
      const ratio = theirs === undefined ? '' : (better === 'higher' ? ours / theirs : theirs / ours).toFixed(2)
      return [label, show(ours), theirs === undefined ? '-' : show(theirs), ratio]
    }),
  ])
  console.log('(ratio > 1: proclab is better)')

  console.log('\nPools, 2 workers (tasks/s; CPU: speedup of 8 equal tasks over running them one after another)\n')
  const pools = await proclabPools()
  const pythonPool = pythonPools()
  const workerpool = await workerpoolRate()
  const poolRows: [string, keyof PoolFigures, (n: number) => string][] = [
    ['Pool.applyAsync, tiny tasks/s', 'applyAsync', thousands],
    ['Pool.map chunksize 1, tasks/s', 'mapChunk1', thousands],
    ['Pool.map default chunksize, tasks/s', 'mapDefault', thousands],
    ['ProcessPoolExecutor.submit, tasks/s', 'submit', thousands],
    ['CPU-bound speedup on Pool(2)', 'cpuSpeedup', (n) => `${n.toFixed(2)}×`],
  ]
  printTable([
    ['', 'proclab', 'Python', 'proclab ÷ Python', 'workerpool (process)'],
    ...poolRows.map(([label, key, show], i) => [
      label,
      show(pools[key]),
      pythonPool ? show(pythonPool[key]) : '-',
      pythonPool ? (pools[key] / pythonPool[key]).toFixed(2) : '',
      i === 0 ? thousands(workerpool) : '',
    ]),
  ])
}

function thousands(n: number): string {
  return `${(n / 1000).toFixed(1)} k`
}
