import { en } from './en.ts'
import { zhCN } from './zh-CN.ts'

/** The languages of the CLI's own messages. */
export const LANGUAGES = ['en', 'zh-CN'] as const
/** `en` or `zh-CN`. */
export type Language = (typeof LANGUAGES)[number]

/** The key of a message; English is the catalog every other language must complete. */
export type MessageKey = keyof typeof en

/** The `{name}` placeholders of a message, as a union of names. */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never

/** The values a message needs, one per placeholder. */
export type MessageParams<K extends MessageKey> = { [P in Placeholders<(typeof en)[K]>]: string | number }

/**
 * A message in the chosen language, its `{placeholders}` filled in. A message without placeholders
 * takes no second argument; one with placeholders needs every one of them (the compiler checks).
 * @example t('list.next', { number: '01', title: 'Starting a process' })
 */
export type Translate = <K extends MessageKey>(key: K, ...params: [Placeholders<(typeof en)[K]>] extends [never] ? [] : [MessageParams<K>]) => string

/** Every message of one language. */
export type Catalog = { readonly [K in MessageKey]: string }

/** The catalogs, by language. */
export const CATALOGS: Record<Language, Catalog> = { en, 'zh-CN': zhCN }

/** The names of a message's `{placeholders}`, in order. */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)
}

/** The {@link Translate} function for `language`. */
export function translator(language: Language): Translate {
  const catalog = CATALOGS[language]
  return ((key: MessageKey, params?: Record<string, string | number>) =>
    catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole))) as Translate
}

/**
 * The language of the CLI's messages: `--lang` if given, else the locale (`LC_ALL`, then
 * `LC_MESSAGES`, then `LANG`, as POSIX orders them): Chinese when it starts with `zh`, else English.
 * @example languageFrom(undefined, { LANG: 'zh_CN.UTF-8' }) // 'zh-CN'
 */
export function languageFrom(flag: string | undefined, env: NodeJS.ProcessEnv): Language {
  if (flag !== undefined) {
    const wanted = flag.trim().toLowerCase().replace('_', '-')
    if (wanted === 'en' || wanted.startsWith('en-')) return 'en'
    if (wanted === 'zh' || wanted.startsWith('zh-')) return 'zh-CN'
    throw new Error(translator(languageFrom(undefined, env))('errors.badLang', { lang: flag }))
  }
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '') ?? ''
  return locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}
