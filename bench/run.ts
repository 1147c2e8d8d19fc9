/**
 * `npm run bench`: proclab's figures side by side with Python's multiprocessing on this machine.
 * Usage: npm run bench [-- --runs N] [--only startup,messaging,pools,cluster,sync]
 */
import { cpus, totalmem } from 'node:os'
import { parseArgs } from 'node:util'
import * as mp from '@proclab/core'
import { printTable } from './stats.ts'
import { clusterBenchmark, pythonClusterBenchmark, type ClusterFigures } from './cluster.ts'
import { messagingBenchmark, type MessagingFigures } from './messaging.ts'
import { proclabPools, pythonPools, workerpoolRate, type PoolFigures } from './pools.ts'
import { startupBenchmark, startupRow } from './startup.ts'
import { syncBenchmark, type SyncFigures } from './sync.ts'

const SECTIONS = ['startup', 'messaging', 'pools', 'cluster', 'sync']

if (mp.isMain(import.meta)) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' }, only: { type: 'string' } } })
  const runs = Number(values.runs)
  const only = values.only?.split(',')
  const unknown = only?.filter((name) => !SECTIONS.includes(name))
  if (unknown?.length) throw new Error(`--only: no section ${unknown.join(', ')}; the sections are ${SECTIONS.join(', ')}`)
  const wanted = (section: string) => only === undefined || only.includes(section)
  console.log(`proclab benchmarks: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${process.platform}`)
  console.log(`Medians and 90th percentiles of ${runs} runs, in ms.\n`)

  if (wanted('startup')) await startupSection(runs)
  if (wanted('messaging')) await messagingSection()
  // The cluster's table compares with the local pool's figures.
  const pools = wanted('pools') || wanted('cluster') ? await poolsSection() : undefined
  if (wanted('cluster')) await clusterSection(pools!)
  if (wanted('sync')) await syncSection(runs)
}

async function startupSection(runs: number): Promise<void> {
  console.log('Start-up of one child (start → first message on a Unix socket; start → exited and joined)\n')
  const { rows, rss } = await startupBenchmark(runs)
  printTable([['', 'first msg', 'p90', 'start+join', 'p90'], ...rows.map(startupRow)])
  if (rss.proclab !== undefined && rss.bareNode !== undefined) {
    const over = rss.proclab - rss.bareNode
    console.log(`\nIdle RSS: proclab child ${rss.proclab.toFixed(1)} MiB, bare Node child ${rss.bareNode.toFixed(1)} MiB (+${over.toFixed(1)} MiB; goal ≤ +8)`)
  }
}

async function messagingSection(): Promise<void> {
  console.log('\nQueues and pipes (children produce, the parent consumes; start-up not counted)\n')
  const { proclab, python, netRoundTripMicros } = await messagingBenchmark(1)
  sideBySide<MessagingFigures>(proclab, python, [
    ['Queue 1→1, small messages/s', (f) => f.queue1to1, 'higher', thousands],
    ['Queue 1→1, consumer in a child, messages/s', (f) => f.queueToChild, 'higher', thousands],
    ['Queue(maxsize 3) 1→1, messages/s', (f) => f.queueBounded, 'higher', thousands],
    ['Queue 2→1, messages/s', (f) => f.queue2to1, 'higher', thousands],
    ['Queue 4→2, consumers in children, messages/s', (f) => f.queue4to2, 'higher', thousands],
    ['Pipe round trip, µs', (f) => f.pipeRoundTripMicros, 'lower', (n) => n.toFixed(1)],
    ['Pipe 1 MiB payloads, MiB/s', (f) => f.pipeMiBps, 'higher', (n) => n.toFixed(0)],
  ])
  const floor = proclab.pipeRoundTripMicros / netRoundTripMicros
  console.log(`Bare Node Unix-socket round trip (the floor): ${netRoundTripMicros.toFixed(1)} µs; pipe ÷ floor ${floor.toFixed(2)} (goal ≤ 1.2)`)
}

async function poolsSection(): Promise<PoolFigures> {
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
  return pools
}

async function clusterSection(pools: PoolFigures): Promise<void> {
  console.log('\nCluster: ClusterPool over a private Redis with 2 worker programs of 1 process each, beside the local Pool(2)\n')
  const cluster = await clusterBenchmark()
  if (typeof cluster === 'string') console.log(cluster)
  else {
    const python = pythonClusterBenchmark()
    const engines = Object.entries(python?.engines ?? {})
    const rows: [string, (f: ClusterFigures) => number, number | undefined, (n: number) => string][] = [
      ['applyAsync, tiny tasks/s', (f) => f.applyAsync, pools.applyAsync, thousands],
      ['map chunksize 1, tasks/s', (f) => f.mapChunk1, pools.mapChunk1, thousands],
      ['map default chunksize, tasks/s', (f) => f.mapDefault, pools.mapDefault, thousands],
      ['CPU-bound speedup (8 tasks, 2 workers)', (f) => f.cpuSpeedup, pools.cpuSpeedup, (n) => `${n.toFixed(2)}×`],
      ['one apply round trip, ms (median)', (f) => f.applyLatencyMs, undefined, (n) => n.toFixed(2)],
    ]
    printTable([
      ['', 'ClusterPool', 'mp.Pool(2)', ...engines.map(([name]) => name)],
      ...rows.map(([label, pick, local, show]) => [label, show(pick(cluster)), local === undefined ? '' : show(local), ...engines.map(([, figures]) => show(pick(figures)))]),
    ])
    for (const [name, reason] of Object.entries(python?.skipped ?? {})) console.log(`${name}: skipped (${reason}; pip install 'ray' 'dask[distributed]' to compare)`)
    if (!python) console.log('Ray and Dask: skipped (python3 not found)')
  }
}

async function syncSection(runs: number): Promise<void> {
  console.log('\nShared memory, locks and managers (one process unless said; Array: set+get pairs of element 0..1023)\n')
  const sync = await syncBenchmark(Math.min(runs, 5))
  sideBySide<SyncFigures>(sync.proclab, sync.python, [
    ['Array with lock, arr[i] set+get pairs/s', (f) => f.arrayLocked, 'higher', millions],
    ['RawArray, arr[i] set+get pairs/s', (f) => f.arrayRaw, 'higher', millions],
    ['RawArray via getObj() (Python: arr[i]), pairs/s', (f) => f.arrayTyped, 'higher', millions],
    ['Value increments under its lock, /s', (f) => f.valueLockedIncrements, 'higher', millions],
    ['Lock acquire+release, uncontended, /s', (f) => f.lockUncontended, 'higher', millions],
    ['Lock runExclusive (Python: with lock), /s', (f) => f.lockWith, 'higher', millions],
    ['2 processes contending on a Lock, increments/s', (f) => f.contended.rate, 'higher', millions],
    ['Manager() start (warm spare), ms', (f) => f.managerStartMs, 'lower', (n) => n.toFixed(1)],
    ['manager dict set, ops/s', (f) => f.managerDictOps, 'higher', thousands],
  ])
  const floorRatio = sync.proclab.lockUncontended / sync.awaitFloor
  console.log(`Node floor under the Lock row: two awaits of a settled promise, ${millions(sync.awaitFloor)} pairs/s; Lock ÷ floor ${floorRatio.toFixed(2)}`)
  console.log(`Contended final counts exact: proclab ${sync.proclab.contended.exact ? 'yes' : 'NO'}, Python ${sync.python ? (sync.python.contended.exact ? 'yes' : 'NO') : '-'}`)
}

/** A table of figures beside Python's, with the ratio (> 1: proclab is better). */
function sideBySide<F>(ours: F, theirs: F | undefined, rows: [string, (f: F) => number, 'higher' | 'lower', (n: number) => string][]): void {
  printTable([
    ['', 'proclab', 'Python', 'proclab ÷ Python'],
    ...rows.map(([label, pick, better, show]) => {
      const mine = pick(ours)
      const other = theirs === undefined ? undefined : pick(theirs)
      const ratio = other === undefined ? '' : (better === 'higher' ? mine / other : other / mine).toFixed(2)
      return [label, show(mine), other === undefined ? '-' : show(other), ratio]
    }),
  ])
  console.log('(ratio > 1: proclab is better)')
}

function millions(n: number): string {
  return `${(n / 1e6).toFixed(2)} M`
}

function thousands(n: number): string {
  return `${(n / 1000).toFixed(1)} k`
}
