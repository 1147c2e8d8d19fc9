import type { Language, Translate } from './i18n/index.ts'
import type { Lesson } from './lessons.ts'

/** What every command works with: the course, its lessons, and the learner's language. */
export interface Context {
  /** The course root: the folder holding `lessons/`. */
  root: string
  /** Every lesson, in order. */
  lessons: Lesson[]
  language: Language
  /** The CLI's messages in {@link language}. */
  t: Translate
}
