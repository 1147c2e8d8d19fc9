import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { courseForEachTest } from '../helpers/course.ts'

const course = courseForEachTest()

describe('proclab list', () => {
  test('lists the lessons from their folders, with progress and the next step', async () => {
    course.write('.proclab/progress.json', JSON.stringify({ lessons: { '01-good': { passed: true, checkedAt: '' }, '02-too-easy': { passed: false, checkedAt: '' } }, hints: {} }))
    const { stdout, exitCode } = await course.proclab(['list'])
    expect(exitCode).toBe(0)
    expect(stdout).toContain('Progress [##########--------------------] 1/3 lessons')
    expect(stdout).toMatch(/ ✓ 01 {2}Saying done +lessons\/01-good\n +✗ 02 {2}Too easy +lessons\/02-too-easy\n +· 03 {2}A seeded schedule +lessons\/03-seeded/)
    expect(stdout).toContain('Next: lesson 02, Too easy\n  read    lessons/02-too-easy/README.md\n  edit    lessons/02-too-easy/exercise.ts\n  watch   npx proclab watch 02')
  })

  test('in Chinese, points to the translated lesson text, and titles a translated lesson by its heading', async () => {
    const { stdout } = await course.proclab(['list'], { env: { LANG: 'zh_CN.UTF-8' } })
    expect(stdout).toContain('进度 [------------------------------] 0/3 课')
    expect(stdout).toContain('下一课：第 01 课，说“完成”\n  阅读      lessons/01-good/README.zh-CN.md')
    expect(stdout).toMatch(/ · 02 {2}Too easy /) // its translation is headed with the English title
  })
})

describe('proclab hint', () => {
  test('shows one more hint each time and remembers it', async () => {
    expect((await course.proclab(['hint', '1'])).stdout).toBe('## Hint 1\nFirst hint.\n\n(1 more: run the command again for the next hint.)')
    expect((await course.proclab(['hint', '01-good'])).stdout).toBe('## Hint 1\nFirst hint.\n\n## Hint 2\nSecond hint.\n\n(That was the last hint.)')
    expect((await course.proclab(['hint', 'good'])).stdout).toContain('(That was the last hint.)')
    expect(JSON.parse(course.read('.proclab/progress.json')).hints).toEqual({ '01-good': 2 })
  })

  test('in Chinese, uses hints.zh-CN.md', async () => {
    expect((await course.proclab(['hint', '01', '--lang', 'zh-CN'])).stdout).toBe('## 提示 1\n第一条提示。\n\n（还有 1 条：再运行一次这个命令，看下一条提示。）')
  })

  test('in Chinese, falls back to the English hints while a lesson is not translated, and says so', async () => {
    rmSync(join(course.dir, 'lessons/01-good/hints.zh-CN.md'))
    expect((await course.proclab(['hint', '01', '--lang', 'zh-CN'])).stdout).toBe(
      '（这一课的提示还没有中文版，以下是英文提示。）\n\n## Hint 1\nFirst hint.\n\n（还有 1 条：再运行一次这个命令，看下一条提示。）',
    )
  })
})
