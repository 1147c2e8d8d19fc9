import { readFileSync, statSync } from 'node:fs'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, test } from 'vitest'
import * as mp from '@proclab/core'
import { killLeftoversAfterEach, segmentPath, sharedMemoryFilesOf, start } from '../helpers.ts'
import { sumWhenTold } from '../fixtures/shm-targets.ts'

killLeftoversAfterEach()

setFlagsFromString('--expose-gc')
/** A full garbage collection now, so that a dropped Array's finalizer may run. */
const collectGarbage = runInNewContext('gc') as () => void

/** This process's shared memory now: its mappings of proclab segments, and the bytes of the files it created. */
function sharedMemoryInUse(): { mappings: number; fileBytes: number } {
  const mappings = readFileSync('/proc/self/maps', 'utf8').split('\n').filter((line) => segmentPath().test(line)).length
  let fileBytes = 0
  for (const file of sharedMemoryFilesOf(process.pid).filter((path) => segmentPath(process.pid).test(path))) {
    try {
      fileBytes += statSync(file).size
    } catch {} // removed meanwhile
  }
  return { mappings, fileBytes }
}

describe('shared memory is freed once no process holds it', () => {
  test('1,000 Arrays of 800 kB created and dropped leave a bounded number of mappings and bytes in shared memory files', async () => {
    const before = sharedMemoryInUse()
    let peak = before
    for (let i = 0; i < 1000; i++) {
      const array = mp.Array('d', 100_000)
      array[i % 100_000] = i
      await new Promise((resolve) => setImmediate(resolve))
      if (i % 50 === 0) {
        const now = sharedMemoryInUse()
        peak = { mappings: Math.max(peak.mappings, now.mappings), fileBytes: Math.max(peak.fileBytes, now.fileBytes) }
      }
    }
    // 1,000 arrays held at once would be 1,000 mappings and 800 MB.
    expect(peak.mappings - before.mappings).toBeLessThan(400)
    expect(peak.fileBytes - before.fileBytes).toBeLessThan(320_000_000)
  })

  test('a child still reads an Array whose creator dropped it before the child attached', async () => {
    const go = new mp.Event()
    const out = mp.RawValue('d', 0)
    let p: mp.Process
    {
      const array = mp.RawArray('d', 100_000)
      ;(array.getObj() as Float64Array).fill(2)
      p = start(sumWhenTold, array, go, out)
    }
    // The parent's reference is gone, and collected: only the handle on its way keeps the memory.
    collectGarbage()
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve))
    collectGarbage()
    await mp.sleep(200)
    await go.set()
    await p.join()
    expect(p.exitCode).toBe(0)
    expect(out.value).toBe(200_000)
  })
})
