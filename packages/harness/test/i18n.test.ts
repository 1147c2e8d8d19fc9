import { afterEach, describe, expect, test, vi } from 'vitest'
import { catalogProblems, currentLanguage, defineMessages, expectProgram, LANGUAGE_ENV, LessonFailure, PROGRAM_OUTPUT_HEADING, shownProgram, translator, type ProgramRun } from '../src/index.ts'

const messages = defineMessages({
  en: { exits: 'the program exits normally', tooFew: 'Only {count} of {total} children ran.', joined: 'Keep ' + '{name}.' },
  'zh-CN': { exits: '程序正常退出', tooFew: '{total} 个子进程中只运行了 {count} 个。', joined: '保留 {name}。' },
})

describe('defineMessages', () => {
  test('a translation must have exactly the keys of English (the compiler checks)', () => {
    // @ts-expect-error: zh-CN lacks `b`
    defineMessages({ en: { a: 'a', b: 'b' }, 'zh-CN': { a: '甲' } })
    // @ts-expect-error: zh-CN has `c`, which English lacks
    defineMessages({ en: { a: 'a' }, 'zh-CN': { a: '甲', c: '丙' } })
    // @ts-expect-error: no Chinese at all
    defineMessages({ en: { a: 'a' } })
  })

  test('a message written as one literal takes exactly its placeholders (the compiler checks)', () => {
    const t = translator(messages, 'en')
    // @ts-expect-error: `total` is missing
    t('tooFew', { count: 1 })
    // @ts-expect-error: `exits` has no placeholder
    t('exits', { count: 1 })
    expect(t('joined', { name: 'the line' })).toBe('Keep the line.')
  })
})

describe('translator', () => {
  test.each([
    ['en', 'Only 1 of 3 children ran.'],
    ['zh-CN', '3 个子进程中只运行了 1 个。'],
  ] as const)('in %s fills the placeholders', (language, expected) => {
    expect(translator(messages, language)('tooFew', { count: 1, total: 3 })).toBe(expected)
  })

  test('leaves code that looks like braces alone, and a placeholder without a value as it is', () => {
    // Joined from pieces, the message is a plain string to the compiler, which then lets its values be left out.
    const code = defineMessages({ en: { hint: 'try { … } catch (error) { … } ' + 'for {n}' }, 'zh-CN': { hint: '用 try { … } catch (error) { … }，{n}' } })
    expect(translator(code, 'en')('hint')).toBe('try { … } catch (error) { … } for {n}')
  })

  test('falls back to English for a message a translation lacks (a catalog that was never compiled)', () => {
    const partial = { en: { a: 'English' }, 'zh-CN': {} } as unknown as typeof messages
    expect(translator(partial, 'zh-CN')('a' as 'exits')).toBe('English')
  })
})

describe('catalogProblems', () => {
  test('a complete catalog has none', () => {
    expect(catalogProblems(messages)).toEqual([])
  })

  test('names each missing, extra, empty or differently filled message', () => {
    const catalog = {
      en: { a: 'a {n}', b: 'b', c: 'c', d: 'd {x} {x}' },
      'zh-CN': { a: '甲 {m}', c: ' ', d: '丁 {x}', e: '戊' },
    }
    expect(catalogProblems(catalog)).toEqual([
      { kind: 'placeholders', language: 'zh-CN', key: 'a', expected: ['n'], found: ['m'] },
      { kind: 'missing', language: 'zh-CN', key: 'b' },
      { kind: 'empty', language: 'zh-CN', key: 'c' },
      { kind: 'extra', language: 'zh-CN', key: 'e' },
    ])
  })

  test.each([[undefined], [{}], [{ en: {} }]])('names a missing language: %o', (catalog) => {
    expect(catalogProblems(catalog)).toContainEqual({ kind: 'noLanguage', language: 'zh-CN' })
  })
})

describe('the language', () => {
  test.each([
    [{ [LANGUAGE_ENV]: 'zh-CN' }, 'zh-CN'],
    [{ [LANGUAGE_ENV]: 'zh', LANG: 'en_US.UTF-8' }, 'zh-CN'],
    [{ [LANGUAGE_ENV]: 'en', LANG: 'zh_CN.UTF-8' }, 'en'],
    [{ [LANGUAGE_ENV]: 'fr', LANG: 'zh_CN.UTF-8' }, 'zh-CN'],
    [{ LANG: 'zh_CN.UTF-8' }, 'zh-CN'],
    [{ LANG: 'zh_CN.UTF-8', LC_ALL: 'en_GB.UTF-8' }, 'en'],
    [{ LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_TW.UTF-8' }, 'zh-CN'],
    [{ LANG: 'C.UTF-8' }, 'en'],
    [{}, 'en'],
  ])('%o chooses %s', (env, language) => {
    expect(currentLanguage(env)).toBe(language)
  })
})

describe("the harness's own words", () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })
  const run: ProgramRun = { file: 'lessons/02-join/exercise.ts', exitCode: 0, stdout: '', stderr: '', lines: [], trace: [], pid: 1 }
  const failureOf = (check: () => void): string => {
    try {
      check()
    } catch (error) {
      expect(error).toBeInstanceOf(LessonFailure)
      return (error as Error).message
    }
    throw new Error('the check passed')
  }

  test('are in Chinese when the language is zh-CN', () => {
    vi.stubEnv(LANGUAGE_ENV, 'zh-CN')
    expect(failureOf(() => expectProgram(run).line(/^done$/, '打印 `done`。'))).toBe(
      '打印 `done`。\n\n期望：有一行匹配 /^done$/\n实际：没有这样的行\n\n程序：lessons/02-join/exercise.ts，退出码 0\n── stdout：（空） ──\n── stderr：（空） ──',
    )
  })

  test('name whose program ran', () => {
    vi.stubEnv(LANGUAGE_ENV, 'zh-CN')
    expect(shownProgram('/course', '/course/lessons/08-queue/exercise.ts', 'starter')).toBe('lessons/08-queue/exercise.ts (你的练习)')
    expect(shownProgram('/course', '/course/solutions/08-queue/exercise.ts', 'solution')).toBe('solutions/08-queue/exercise.ts (参考答案)')
  })

  test.each(['en', 'zh-CN'])('in %s, the program output starts where PROGRAM_OUTPUT_HEADING says', (language) => {
    vi.stubEnv(LANGUAGE_ENV, language)
    const message = failureOf(() => expectProgram(run).exitCode(3))
    expect(message.slice(message.search(PROGRAM_OUTPUT_HEADING))).toMatch(/^(Program: |程序：)lessons\/02-join\/exercise\.ts/)
  })
})
