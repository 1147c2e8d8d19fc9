import { expect, test } from 'vitest'
import { capOutput, OUTPUT_HEAD_LINES, OUTPUT_TAIL_LINES, REPEAT_RUN_LINES } from '../src/capped-output.ts'

const beats = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `heartbeat ${from + i}`)

test('a run of lines that differ only in their numbers shows its first two lines, a count and its last line', () => {
  // Lesson 06's starter: the heartbeat beats on, alone, after the parent is done.
  const output = ['worker done', 'parent done', ...beats(7, 30), 'heartbeat stopped by itself after 30 beats']
  expect(capOutput(output)).toEqual(['worker done', 'parent done', 'heartbeat 7', 'heartbeat 8', '… 21 more lines like these …', 'heartbeat 30', 'heartbeat stopped by itself after 30 beats'])
})

test(`a run shorter than ${REPEAT_RUN_LINES} lines, and lines that differ in words, are shown whole`, () => {
  const output = [...beats(1, REPEAT_RUN_LINES - 1), 'worker step 1/5', 'heartbeat 9', 'worker step 2/5']
  expect(capOutput(output)).toEqual(output)
})

test(`output still long once collapsed is cut in the middle: its first ${OUTPUT_HEAD_LINES} and last ${OUTPUT_TAIL_LINES} lines`, () => {
  const output = Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? `ping ${i}` : `pong ${i}`))
  const shown = capOutput(output)
  expect(shown).toEqual([...output.slice(0, OUTPUT_HEAD_LINES), '… 70 more lines …', ...output.slice(-OUTPUT_TAIL_LINES)])
})
