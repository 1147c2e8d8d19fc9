import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { courseForEachTest } from '../helpers/course.ts'

const course = courseForEachTest()

describe('proclab trace', () => {
  test('runs the program and draws a timeline of its processes', async () => {
    const { stdout, exitCode } = await course.proclab(['trace', '03'])
    expect(exitCode).toBe(0)
    expect(stdout).toMatch(/^Running lessons\/03-seeded\/exercise\.ts with tracing on…\n\nchild\nseed none\ntodo\n/)
    expect(stdout).toContain('lessons/03-seeded/exercise.ts (your exercise): exit code 0, 2 process(es) traced.')
    expect(stdout).toMatch(/^time \(ms\)/m)
    expect(stdout).toMatch(/^\d+ MainProcess .* 0$/m)
    expect(stdout).toMatch(/^\d+ Process-1 .* 0$/m)
  })

  test('--html writes the timeline as a web page', async () => {
    const { stdout } = await course.proclab(['trace', '03', '--solution', '--html', 'timeline.html'])
    expect(stdout).toContain('solutions/03-seeded/exercise.ts (solution): exit code 0')
    expect(stdout).toMatch(/Timeline written to timeline\.html$/)
    expect(readFileSync(join(course.dir, 'timeline.html'), 'utf8')).toContain('03 · A seeded schedule')
  })
})
