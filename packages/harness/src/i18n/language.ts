/** The languages proclab speaks: its lessons' messages, the harness's and the CLI's. */
export const LANGUAGES = ['en', 'zh-CN'] as const
/** `en` or `zh-CN`. */
export type Language = (typeof LANGUAGES)[number]

/**
 * The environment variable that picks the language of lesson tests' messages (`en` or `zh-CN`).
 * The CLI sets it to its own language (`--lang`) for every test it runs.
 */
export const LANGUAGE_ENV = 'PROCLAB_LANG'

/**
 * The language a tag names: `en`, `en-GB` or `en_US.UTF-8` is English, `zh`, `zh-CN`, `zh_TW` is
 * (Simplified) Chinese; any other tag names none.
 * @example parseLanguage('zh_CN.UTF-8') // 'zh-CN'
 */
export function parseLanguage(tag: string): Language | undefined {
  const wanted = tag.trim().toLowerCase().replace('_', '-')
  if (wanted === 'en' || wanted.startsWith('en-')) return 'en'
  if (wanted === 'zh' || wanted.startsWith('zh-')) return 'zh-CN'
  return undefined
}

/**
 * The language of messages: {@link LANGUAGE_ENV} when it names one, else the locale (`LC_ALL`, then
 * `LC_MESSAGES`, then `LANG`, as POSIX orders them): Chinese when it starts with `zh`, else English.
 * @example currentLanguage({ LANG: 'zh_CN.UTF-8' }) // 'zh-CN'
 */
export function currentLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  const chosen = env[LANGUAGE_ENV] ? parseLanguage(env[LANGUAGE_ENV]) : undefined
  if (chosen) return chosen
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '') ?? ''
  return locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}
