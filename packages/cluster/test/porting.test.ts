import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { execa } from 'execa'
import { describe, expect, test } from 'vitest'

const SOLUTIONS = fileURLToPath(new URL('../../../solutions/', import.meta.url))
const PORTED = fileURLToPath(new URL('./.ported/', import.meta.url))

/**
 * The program with its Pool made a ClusterPool: the constructor's line, and the import (of this
 * package's source, which a learner imports as '@proclab/cluster': the tests need no build of it).
 */
function port(source: string): string {
  expect(source.match(/new mp\.Pool\(/g)).toHaveLength(1)
  return `import { ClusterPool } from '../../src/index.ts'\n${source.replace('new mp.Pool(', 'new ClusterPool(')}`
}

/** What a run printed, without what differs from run to run (pids, timings, which worker ran what, the order of concurrent lines). */
async function output(file: string): Promise<string[]> {
  const { stdout } = await execa(process.execPath, ['--import', 'tsx', file], { env: { PROCLAB_REDIS: '' } })
  return stdout
    .split('\n')
    .map((line) => line.replace(/pid=\d+/g, 'pid=N').replace(/after \d+ ms/, 'after N ms').replace(/PoolWorker-\d+/, 'PoolWorker-N'))
    .sort()
}

describe('porting a program from mp.Pool to ClusterPool is a one-line change', () => {
  test.each(["15-pool", "16-pool-results"])("lesson %s's solution prints the same lines either way", async (lesson) => {
    const original = `${SOLUTIONS}${lesson}/exercise.ts`
    mkdirSync(PORTED, { recursive: true })
    const ported = `${PORTED}${lesson}.ts`
    writeFileSync(ported, port(readFileSync(original, 'utf8')))
    expect(await output(ported)).toEqual(await output(original))
  })
})
