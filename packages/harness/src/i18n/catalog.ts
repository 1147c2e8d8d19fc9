import { currentLanguage, LANGUAGES, type Language } from './language.ts'

/** The messages of one language, by key. `{name}` in a message is a placeholder for a value. */
export type Messages = Record<string, string>

/** The languages that translate English, each of which must have exactly English's keys. */
type Translation = Exclude<Language, 'en'>

/** Every message in every language: English, and each translation with the same keys. */
export type MessageCatalog<M extends Messages = Messages> = { readonly en: M } & { readonly [L in Translation]: { readonly [K in keyof M]: string } }

type WordCharacter =
  | 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j' | 'k' | 'l' | 'm' | 'n' | 'o' | 'p' | 'q' | 'r' | 's' | 't' | 'u' | 'v' | 'w' | 'x' | 'y' | 'z'
  | 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S' | 'T' | 'U' | 'V' | 'W' | 'X' | 'Y' | 'Z'
  | '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '_'
/** Whether `S` is a placeholder name (`\w+`), so that code such as `{ … }` in a hint is not one. */
type IsName<S extends string> = S extends `${infer C}${infer Rest}` ? (C extends WordCharacter ? (Rest extends '' ? true : IsName<Rest>) : false) : false
/** The `{name}` placeholders of a message, as a union of names. */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? (IsName<Name> extends true ? Name : never) | Placeholders<Rest>
  : never

/**
 * The values a message needs. A message written as one literal is checked: one value per
 * placeholder, and none when it has no placeholder. A message joined from pieces (`'…' + '…'`) is a
 * plain `string` to the compiler, so its values are not checked.
 */
export type MessageParams<S extends string> = string extends S
  ? [params?: Record<string, string | number>]
  : [Placeholders<S>] extends [never]
    ? []
    : [params: { [P in Placeholders<S>]: string | number }]

/**
 * A message in the chosen language, its `{placeholders}` filled in.
 * @example t('tooFew', { count: 3 })
 */
export type Translate<M extends Messages> = <K extends keyof M & string>(key: K, ...params: MessageParams<M[K]>) => string

/**
 * Declares a message catalog: English, and every translation with exactly the same keys (a missing
 * or extra key fails to compile). It returns the catalog unchanged; {@link translator} reads it.
 * @example
 * export const messages = defineMessages({
 *   en: { exits: 'the program exits normally', tooFew: 'Only {count} children ran.' },
 *   'zh-CN': { exits: '程序正常退出', tooFew: '只运行了 {count} 个子进程。' },
 * })
 */
export function defineMessages<const M extends Messages>(
  catalog: { readonly en: M } & { readonly [L in Translation]: { readonly [K in keyof NoInfer<M>]: string } },
): MessageCatalog<M> {
  return catalog
}

/**
 * The {@link Translate} function of `catalog` in `language` (by default the one the environment
 * chooses, see `currentLanguage`). A message the translation lacks falls back to English.
 * @example
 * const t = translator(messages)
 * test(t('exits'), () => program.exitCode(0, t('exitsHint')))
 */
export function translator<M extends Messages>(catalog: MessageCatalog<M>, language: Language = currentLanguage()): Translate<M> {
  const chosen: Partial<Messages> = catalog[language]
  const english: Messages = catalog.en
  return ((key: string, params?: Record<string, string | number>) => fillPlaceholders(chosen[key] ?? english[key]!, params)) as Translate<M>
}

/** `message` with each `{name}` that `params` has a value for replaced by that value. */
export function fillPlaceholders(message: string, params: Record<string, string | number> = {}): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole))
}

/** The names of a message's `{placeholders}`, in order. */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)
}

/** Something wrong with a message catalog: a language, or a message in one language, missing or not matching English. */
export type CatalogProblem =
  | { kind: 'noLanguage'; language: Language }
  | { kind: 'missing' | 'extra' | 'empty'; language: Language; key: string }
  | { kind: 'placeholders'; language: Language; key: string; expected: string[]; found: string[] }

/**
 * What keeps `catalog` from being complete, for authors and for `proclab dev check`: every language
 * present, every translation with exactly English's keys, no empty message, and each message with
 * the same placeholders as in English. Checks at run time what {@link defineMessages} checks at
 * compile time, and the placeholders too.
 * @example catalogProblems({ en: { a: 'x {n}' }, 'zh-CN': { a: 'x' } }) // [{ kind: 'placeholders', … }]
 */
export function catalogProblems(catalog: unknown): CatalogProblem[] {
  const byLanguage = (typeof catalog === 'object' && catalog !== null ? catalog : {}) as Partial<Record<Language, unknown>>
  const problems: CatalogProblem[] = []
  const messagesOf = (language: Language): Record<string, unknown> | undefined => {
    const messages = byLanguage[language]
    if (typeof messages === 'object' && messages !== null) return messages as Record<string, unknown>
    problems.push({ kind: 'noLanguage', language })
    return undefined
  }
  const english = messagesOf('en')
  for (const [key, message] of Object.entries(english ?? {})) {
    if (typeof message !== 'string' || message.trim() === '') problems.push({ kind: 'empty', language: 'en', key })
  }
  for (const language of LANGUAGES.filter((l) => l !== 'en')) {
    const translation = messagesOf(language)
    if (!english || !translation) continue
    for (const [key, original] of Object.entries(english)) {
      const message = translation[key]
      if (message === undefined) problems.push({ kind: 'missing', language, key })
      else if (typeof message !== 'string' || message.trim() === '') problems.push({ kind: 'empty', language, key })
      else if (typeof original === 'string') {
        const expected = distinctPlaceholders(original)
        const found = distinctPlaceholders(message)
        if (expected.join() !== found.join()) problems.push({ kind: 'placeholders', language, key, expected, found })
      }
    }
    for (const key of Object.keys(translation)) if (!Object.hasOwn(english, key)) problems.push({ kind: 'extra', language, key })
  }
  return problems
}

/** A message's placeholder names, each once, sorted: a translation may use a value once where English uses it twice. */
function distinctPlaceholders(message: string): string[] {
  return [...new Set(placeholdersOf(message))].sort()
}
