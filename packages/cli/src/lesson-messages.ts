import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { register } from 'tsx/esm/api'
import type { Lesson } from './lessons.ts'

/** The file of a lesson that holds its test's check names and hints, in every language. */
export const MESSAGES_FILE = 'messages.ts'

/** Imports a TypeScript module; one tsx loader serves every catalog (each `tsImport` would register one of its own). */
let importTypeScript: ((url: string) => Promise<unknown>) | undefined

/** What loading a lesson's catalog found: its `messages` export, or why there is none. */
export type LoadedMessages = { kind: 'loaded'; catalog: unknown } | { kind: 'missing' } | { kind: 'noExport' } | { kind: 'unreadable'; reason: string }

/** Loads `messages.ts` of a lesson the way its test imports it (through tsx), without running the test. */
export async function loadLessonMessages(lesson: Lesson): Promise<LoadedMessages> {
  const path = join(lesson.dir, MESSAGES_FILE)
  if (!existsSync(path)) return { kind: 'missing' }
  try {
    if (!importTypeScript) {
      const loader = register({ namespace: 'proclab-lesson-messages' })
      importTypeScript = (url) => loader.import(url, import.meta.url)
    }
    const loaded = (await importTypeScript(pathToFileURL(path).href)) as { messages?: unknown }
    return loaded.messages === undefined ? { kind: 'noExport' } : { kind: 'loaded', catalog: loaded.messages }
  } catch (error) {
    return { kind: 'unreadable', reason: error instanceof Error ? error.message.split('\n')[0]! : String(error) }
  }
}

/** The messages of one language of a loaded catalog (falling back to English), or none when it is not a catalog. */
export function messagesIn(catalog: unknown, language: string): Record<string, string> {
  if (typeof catalog !== 'object' || catalog === null) return {}
  const byLanguage = catalog as Record<string, unknown>
  const english = (byLanguage.en ?? {}) as Record<string, string>
  return { ...english, ...((byLanguage[language] ?? {}) as Record<string, string>) }
}
