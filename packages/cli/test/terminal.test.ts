import { describe, expect, test } from 'vitest'
import { progressBar } from '../src/terminal/progress-bar.ts'
import { shownPath } from '../src/terminal/shown-path.ts'
import { styleFor } from '../src/terminal/style.ts'
import { displayWidth, labelled, padEnd } from '../src/terminal/width.ts'

describe('terminal helpers', () => {
  test.each([
    [0, 3, '[------------------------------]'],
    [1, 3, '[##########--------------------]'],
    [3, 3, '[##############################]'],
    [0, 0, '[------------------------------]'],
  ])('progressBar(%i, %i) is %s', (done, total, bar) => {
    expect(progressBar(done, total)).toBe(bar)
  })

  test('Chinese characters take two columns, so labels line up in both languages', () => {
    expect(displayWidth('进度 ab')).toBe(7)
    expect(padEnd('阅读', 6)).toBe('阅读  ')
    expect(labelled([['阅读', 'a'], ['卡住了？', 'b']])).toBe('  阅读      a\n  卡住了？  b')
  })

  test.each([
    ['/course/lessons/08-queue/exercise.ts', 'lessons/08-queue/exercise.ts'],
    ['/tmp/results.json', '/tmp/results.json'],
  ])('shownPath(%s) from /course is %s', (file, shown) => {
    expect(shownPath(file, '/course')).toBe(shown)
  })

  test.each([
    [{ isTTY: true }, {}, true],
    [{ isTTY: false }, {}, false],
    [{ isTTY: true }, { NO_COLOR: '1' }, false],
    [{ isTTY: true }, { FORCE_COLOR: '0' }, false],
    [{ isTTY: false }, { FORCE_COLOR: '1' }, true],
  ])('a stream %o with %o is coloured: %s', (stream, env, coloured) => {
    expect(styleFor(stream, env).green('ok') !== 'ok').toBe(coloured)
  })
})
