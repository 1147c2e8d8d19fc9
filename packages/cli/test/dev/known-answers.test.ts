import { describe, expect, test } from 'vitest'
import { parseHeader } from '../../src/dev/known-answers.ts'

const file = '/course/solutions/08-queue/mistakes/put-if-not-full.ts'

describe('the header of a known answer', () => {
  test('a mistake names what the learner did, the check that must fail first, and optionally a phrase of its message', () => {
    const text = '// Mistake: puts only if the queue is not full\n// Fails: the reader got every item\n// Says: put() waits\nimport * as mp from "@proclab/core"\n'
    expect(parseHeader(text, 'mistake', file)).toEqual({
      kind: 'mistake',
      file,
      description: 'puts only if the queue is not full',
      fails: 'the reader got every item',
      says: 'put() waits',
    })
  })

  test('a variant says what is different; other comment lines of the header are prose', () => {
    const text = '// Variant: a loop of apply() instead of map()\n// (as a learner coming from threads would write it)\n\nconsole.log(1)\n'
    expect(parseHeader(text, 'variant', file)).toEqual({ kind: 'variant', file, description: 'a loop of apply() instead of map()' })
  })

  test.each([
    ['no header at all', 'console.log("done")\n', ['// Mistake:', '// Fails:']],
    ['a header after the code', 'console.log("done")\n// Mistake: x\n// Fails: y\n', ['// Mistake:', '// Fails:']],
    ['an empty Fails line', '// Mistake: prints nothing\n// Fails:\n', ['// Fails:']],
    ['a variant header on a mistake', '// Variant: another way\n', ['// Mistake:', '// Fails:']],
  ])('a mistake with %s says which lines it lacks', (_, text, missing) => {
    expect(parseHeader(text, 'mistake', file)).toEqual({ kind: 'mistake', file, missing })
  })
})
