import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { folderSignature, isIgnored, POLL_INTERVAL_MS, watchFolder, type FolderWatcher } from '../../src/watch/folder-watcher.ts'

let dir: string
let watcher: FolderWatcher | undefined
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'proclab-watch-'))
  writeFileSync(join(dir, 'exercise.ts'), 'one')
})
afterEach(() => {
  watcher?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Resolves with how many times `onChange` was called, `settleMs` after `act` ran. */
async function changesAfter(method: 'events' | 'polling', act: () => void, settleMs: number, onFallback: (error: Error) => void = () => {}): Promise<number> {
  let changes = 0
  watcher = watchFolder(dir, method, () => changes++, onFallback)
  await new Promise((done) => setTimeout(done, 100))
  act()
  await new Promise((done) => setTimeout(done, settleMs))
  return changes
}

describe('watching a lesson folder', () => {
  test.each(['node_modules', '.proclab', '.exercise.ts.swp', 'exercise.ts~', '4913', 'solution.ts'])('%s is not a lesson file', (name) => {
    expect(isIgnored(name)).toBe(true)
  })

  test.each(['exercise.ts', 'README.md', 'hints.zh-CN.md'])('%s is a lesson file', (name) => {
    expect(isIgnored(name)).toBe(false)
  })

  test('the signature changes when a file is saved, and not when an ignored file is', () => {
    const before = folderSignature(dir)
    writeFileSync(join(dir, '.exercise.ts.swp'), 'x')
    expect(folderSignature(dir)).toBe(before)
    writeFileSync(join(dir, 'exercise.ts'), 'two!')
    expect(folderSignature(dir)).not.toBe(before)
  })

  test('file events: a burst of writes is one change', async () => {
    const changes = await changesAfter(
      'events',
      () => {
        for (const text of ['a', 'ab', 'abc']) writeFileSync(join(dir, 'exercise.ts'), text)
      },
      600,
    )
    expect(changes).toBe(1)
  })

  test('polling notices a save', async () => {
    const changes = await changesAfter('polling', () => writeFileSync(join(dir, 'exercise.ts'), 'two!'), POLL_INTERVAL_MS * 3)
    expect(changes).toBe(1)
  })

  test('when fs.watch refuses, it says why and polls instead', async () => {
    rmSync(dir, { recursive: true })
    const reasons: string[] = []
    const changes = await changesAfter(
      'events',
      () => {
        // fs.watch could not watch a missing folder: only polling sees it appear.
        mkdirSync(dir)
        writeFileSync(join(dir, 'exercise.ts'), 'one')
      },
      POLL_INTERVAL_MS * 3,
      (error) => reasons.push(error.message),
    )
    expect(reasons).toEqual([expect.stringMatching(/ENOENT/)])
    expect(changes).toBe(1)
  })
})
