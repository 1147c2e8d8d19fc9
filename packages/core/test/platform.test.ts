import { afterEach, describe, expect, test } from 'vitest'
import * as mp from '@proclab/core'
import { WINDOWS_GUIDANCE } from '../src/platform.ts'
import { exitWith } from './fixtures/targets.ts'

const realPlatform = Object.getOwnPropertyDescriptor(process, 'platform')!

/** Makes this process look like it runs on `platform` until the test ends. */
function pretendPlatform(platform: NodeJS.Platform): void {
  Object.defineProperty(process, 'platform', { ...realPlatform, value: platform })
}

afterEach(() => {
  Object.defineProperty(process, 'platform', realPlatform)
})

describe('on Windows', () => {
  test('Process.start() refuses at once with the WSL guidance, and launches nothing', () => {
    pretendPlatform('win32')
    const p = new mp.Process({ target: exitWith, args: [0] })
    let error: unknown
    try {
      p.start()
    } catch (thrown) {
      error = thrown
    }
    expect(error).toBeInstanceOf(mp.ProcessError)
    expect(error).toMatchObject({ code: 'ERR_MP_PLATFORM', message: `proclab cannot start a process on Windows.\n${WINDOWS_GUIDANCE}` })
    expect(WINDOWS_GUIDANCE).toContain('wsl --install')
    expect(WINDOWS_GUIDANCE).toContain('npm install && npm start')
    expect(p.pid).toBeUndefined()
    expect(mp.activeChildren()).toEqual([])
  })

  test('a Pool cannot start its workers either', () => {
    pretendPlatform('win32')
    expect(() => new mp.Pool(1)).toThrow(/cannot start a process on Windows/)
  })
})
