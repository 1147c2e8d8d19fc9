/**
 * Shared memory in /dev/shm (Linux's RAM file system) against files in the temp folder (what macOS,
 * the BSDs and `PROCLAB_PLATFORM_PATHS=portable` use): the cost of a segment's life (create, map,
 * unmap, remove) and of writing through a mapping. Run: `npx tsx bench/shm-folder.ts`. Each mode runs
 * in a process of its own, since the mode is read when core loads. What the temp folder costs depends
 * on what it is: a tmpfs is /dev/shm's equal, a disk-backed one (ext4 here) also writes dirty pages back.
 */
import { execFileSync } from 'node:child_process'
import { statfsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { fileURLToPath } from 'node:url'
import { median } from './stats.ts'

const SEGMENTS = 2000
const SEGMENT_BYTES = 1 << 20
const BIG_BYTES = 256 << 20
const RUNS = 5

interface Figures {
  folder: string
  lifeUs: number
  firstWriteMBs: number
  rewriteMBs: number
}

async function measure(): Promise<Figures> {
  const { attachSegment, createSegment, removeSegment, unmap } = await import('../packages/core/src/shm/segments.ts')
  const lives: number[] = []
  const firsts: number[] = []
  const rewrites: number[] = []
  let folder = ''
  for (let run = 0; run < RUNS; run++) {
    let t0 = performance.now()
    for (let i = 0; i < SEGMENTS; i++) {
      const segment = createSegment(SEGMENT_BYTES)
      new Uint8Array(segment.memory)[0] = 1
      unmap(segment.address, SEGMENT_BYTES)
      removeSegment(segment.name)
      folder = segment.name
    }
    lives.push(((performance.now() - t0) * 1000) / SEGMENTS)
    const big = createSegment(BIG_BYTES)
    const words = new Float64Array(big.memory)
    for (const into of [firsts, rewrites]) {
      t0 = performance.now()
      words.fill(run + 1)
      into.push(BIG_BYTES / 1e6 / ((performance.now() - t0) / 1000))
    }
    // A second process sees the writes: the figures are of memory really shared.
    const seen = new Float64Array(attachSegment(big.name, BIG_BYTES).memory)
    if (seen[seen.length - 1] !== run + 1) throw new Error('the segment is not shared')
    removeSegment(big.name)
  }
  return { folder: folder.replace(/[^/]+$/, ''), lifeUs: median(lives), firstWriteMBs: median(firsts), rewriteMBs: median(rewrites) }
}

if (process.argv[2] === 'measure') {
  console.log(JSON.stringify(await measure()))
} else {
  const self = fileURLToPath(import.meta.url)
  const fsType = (path: string) => (statfsSync(path).type === 0x01021994 ? 'tmpfs' : 'disk-backed')
  console.log(`Node ${process.version}; medians of ${RUNS} runs`)
  console.log('| mode | folder | segment life (1 MiB), µs | first write, MB/s | rewrite, MB/s |')
  console.log('| --- | --- | ---: | ---: | ---: |')
  const modes: [string, NodeJS.ProcessEnv][] = [
    ['native', { PROCLAB_PLATFORM_PATHS: 'native' }],
    [`portable (temp folder ${fsType(tmpdir())})`, { PROCLAB_PLATFORM_PATHS: 'portable' }],
    // Where /dev/shm exists: the same files on a RAM file system, to tell the folder's cost from the mode's.
    ['portable, TMPDIR=/dev/shm (tmpfs)', { PROCLAB_PLATFORM_PATHS: 'portable', TMPDIR: '/dev/shm' }],
  ]
  for (const [mode, env] of modes) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', self, 'measure'], { env: { ...process.env, ...env }, encoding: 'utf8' })
    const f = JSON.parse(out) as Figures
    console.log(`| ${mode} | ${f.folder} | ${f.lifeUs.toFixed(0)} | ${f.firstWriteMBs.toFixed(0)} | ${f.rewriteMBs.toFixed(0)} |`)
  }
}
