import { afterEach, describe, expect, test, vi } from 'vitest'
import { runProgram } from '@proclab/harness'

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname

async function pausesUnder(seed: string | undefined, count = 8): Promise<number[] | null> {
  vi.resetModules()
  if (seed === undefined) delete process.env.PROCLAB_SEED
  else process.env.PROCLAB_SEED = seed
  const schedule = await import('../src/schedule.ts')
  return schedule.seeded ? Array.from({ length: count }, () => schedule.nextPause()) : null
}

describe('PROCLAB_SEED', () => {
  afterEach(() => {
    delete process.env.PROCLAB_SEED
  })

  test('the same seed gives the same pauses again; another seed, others; no seed, none', async () => {
    const first = await pausesUnder('7')
    expect(first).not.toBeNull()
    expect(first!.every((ms) => ms >= 0 && ms < 3)).toBe(true)
    expect(await pausesUnder('7')).toEqual(first)
    expect(await pausesUnder('8')).not.toEqual(first)
    expect(await pausesUnder(undefined)).toBeNull()
  })

  test('a program runs to the same result under several seeds', async () => {
    for (const seed of ['1', '2', '3']) {
      const run = await runProgram(fixture('queue-basic.ts'), { env: { PROCLAB_SEED: seed } })
      expect([seed, run.exitCode, run.lines[0]]).toEqual([seed, 0, 'consumer got 0,1,2,3,4'])
    }
  })
})
