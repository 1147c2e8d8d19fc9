import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { descendantsOf, STOP_GRACE_MS, stopTree } from '../src/process-tree.ts'

/** Whether `pid` still runs (a zombie, dead but not yet reaped by its new parent, does not). */
const alive = (pid: number) => {
  try {
    return !/^\S+ \(.*\) [ZX] /s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}

describe('stopping a process tree', () => {
  test('finds the grandchildren too, and stops them all, even one that ignores SIGTERM', async () => {
    // A shell whose child shell ignores SIGTERM and has a child of its own.
    const root = spawn('sh', ['-c', `sh -c "trap '' TERM; sleep 30 & wait" & wait`], { stdio: 'ignore' })
    const exited = new Promise((done) => root.once('exit', done))
    let tree: number[] = []
    for (const deadline = Date.now() + 5000; tree.length < 2 && Date.now() < deadline; ) {
      await new Promise((done) => setTimeout(done, 50))
      tree = descendantsOf(root.pid!)
    }
    expect(tree.length).toBeGreaterThanOrEqual(2)
    stopTree(root.pid!)
    await exited
    await new Promise((done) => setTimeout(done, STOP_GRACE_MS + 500))
    expect(tree.filter(alive)).toEqual([])
  })

  test('a process without children has no descendants', () => {
    expect(descendantsOf(2 ** 22 + 12345)).toEqual([])
  })
})
