import { currentLanguage, fillPlaceholders, parseLanguage, type Language, type Translate as TranslateOf } from '@proclab/harness'
import { en } from './en.ts'
import { zhCN } from './zh-CN.ts'

// The CLI speaks the languages of the lessons' messages, and chooses one the same way.
export { LANGUAGES, placeholdersOf, type Language } from '@proclab/harness'

/** The key of a message; English is the catalog every other language must complete. */
export type MessageKey = keyof typeof en

/**
 * A message in the chosen language, its `{placeholders}` filled in. A message without placeholders
 * takes no second argument; one with placeholders needs every one of them (the compiler checks).
 * @example t('list.next', { number: '01', title: 'Starting a process' })
 */
export type Translate = TranslateOf<typeof en>

/** Every message of one language. */
export type Catalog = { readonly [K in MessageKey]: string }

/** The catalogs, by language. */
export const CATALOGS: Record<Language, Catalog> = { en, 'zh-CN': zhCN }

/** The {@link Translate} function for `language`. */
export function translator(language: Language): Translate {
  const catalog = CATALOGS[language]
  return ((key: MessageKey, params?: Record<string, string | number>) => fillPlaceholders(catalog[key], params)) as Translate
}

/**
 * The language of the CLI's messages: `--lang` if given, else `PROCLAB_LANG`, else the locale
 * (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, as POSIX orders them): Chinese when it starts with
 * `zh`, else English. The lessons' tests choose theirs the same way (the harness's `currentLanguage`).
 * @example languageFrom(undefined, { LANG: 'zh_CN.UTF-8' }) // 'zh-CN'
 */
export function languageFrom(flag: string | undefined, env: NodeJS.ProcessEnv): Language {
  if (flag === undefined) return currentLanguage(env)
  const language = parseLanguage(flag)
  if (!language) throw new Error(translator(currentLanguage(env))('errors.badLang', { lang: flag }))
  return language
}
