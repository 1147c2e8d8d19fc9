import { describe, expect, test } from 'vitest'
import { CATALOGS, LANGUAGES, languageFrom, placeholdersOf, translator, type MessageKey } from '../src/i18n/index.ts'

const keys = Object.keys(CATALOGS.en) as MessageKey[]

describe('the message catalog', () => {
  test.each(LANGUAGES)('%s has every message, and no message English lacks', (language) => {
    const catalog: Record<string, string> = CATALOGS[language]
    expect(Object.keys(catalog).sort()).toEqual([...keys].sort())
    for (const key of keys) expect(catalog[key]?.trim(), `${language} ${key}`).not.toBe('')
  })

  test.each(keys)('%s has the same placeholders in every language', (key) => {
    const english = placeholdersOf(CATALOGS.en[key]).sort()
    for (const language of LANGUAGES) expect(placeholdersOf(CATALOGS[language][key]).sort(), language).toEqual(english)
  })

  test('a message is filled in from its parameters', () => {
    expect(translator('en')('list.next', { number: '08', title: 'Queues' })).toBe('Next: lesson 08, Queues')
    expect(translator('zh-CN')('list.next', { number: '08', title: 'Queues' })).toBe('下一课：第 08 课，Queues')
  })

  test('the compiler asks for exactly the placeholders a message has', () => {
    const t = translator('en')
    // @ts-expect-error `list.next` needs { number, title }
    t('list.next')
    // @ts-expect-error `list.heading` takes no parameters
    t('list.heading', { number: 1 })
    expect(t('list.heading')).toBe('proclab: learn multiprocessing by doing')
  })
})

describe('the language', () => {
  test.each([
    [undefined, { LANG: 'zh_CN.UTF-8' }, 'zh-CN'],
    [undefined, { LANG: 'zh_TW.UTF-8' }, 'zh-CN'],
    [undefined, { LANG: 'en_US.UTF-8' }, 'en'],
    [undefined, { LANG: 'C.UTF-8' }, 'en'],
    [undefined, {}, 'en'],
    [undefined, { LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' }, 'zh-CN'],
    [undefined, { LANG: 'zh_CN.UTF-8', LC_ALL: 'en_GB.UTF-8' }, 'en'],
    [undefined, { LANG: 'zh_CN.UTF-8', LC_ALL: '' }, 'zh-CN'],
    [undefined, { PROCLAB_LANG: 'zh-CN', LANG: 'en_US.UTF-8' }, 'zh-CN'],
    [undefined, { PROCLAB_LANG: 'en', LANG: 'zh_CN.UTF-8' }, 'en'],
    ['en', { PROCLAB_LANG: 'zh-CN' }, 'en'],
    ['en', { LANG: 'zh_CN.UTF-8' }, 'en'],
    ['zh-CN', {}, 'zh-CN'],
    ['zh', {}, 'zh-CN'],
    ['zh_cn', {}, 'zh-CN'],
  ] as const)('--lang %s with %o is %s', (flag, env, expected) => {
    expect(languageFrom(flag, env)).toBe(expected)
  })

  test('an unknown --lang says which ones exist, in the locale’s language', () => {
    expect(() => languageFrom('fr', {})).toThrow("Unknown language 'fr': use --lang en or --lang zh-CN.")
    expect(() => languageFrom('fr', { LANG: 'zh_CN.UTF-8' })).toThrow("不认识的语言 'fr'：请用 --lang en 或 --lang zh-CN。")
  })
})
