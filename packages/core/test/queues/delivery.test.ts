import { describe, expect, test } from 'vitest'
import * as mp from '@proclab/core'
import { killLeftoversAfterEach, start } from '../helpers.ts'
import { putUnawaited, sendUnawaited } from '../fixtures/delivery-targets.ts'

killLeftoversAfterEach()

describe('un-awaited sends', () => {
  test('200 un-awaited 1 MiB puts from a child print no MaxListenersExceededWarning, and all arrive', async () => {
    const q = new mp.Queue<Uint8Array>()
    const warnings = mp.Value('i', 0)
    const p = start(putUnawaited, q, 200, 1 << 20, warnings)
    for (let i = 0; i < 200; i++) expect((await q.get()).length).toBe(1 << 20)
    await p.join()
    expect(p.exitCode).toBe(0)
    expect(warnings.value).toBe(0)
  })

  test('200 un-awaited 1 MiB sends on a pipe print no warning either', async () => {
    const [receiver, sender] = mp.Pipe<Uint8Array>({ duplex: false })
    const warnings = mp.Value('i', 0)
    const p = start(sendUnawaited, sender, 200, 1 << 20, warnings)
    sender.close()
    for (let i = 0; i < 200; i++) expect((await receiver.recv()).length).toBe(1 << 20)
    await p.join()
    expect(p.exitCode).toBe(0)
    expect(warnings.value).toBe(0)
  })
})
