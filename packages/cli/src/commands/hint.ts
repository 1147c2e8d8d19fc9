import { readFileSync } from 'node:fs'
import type { Lesson } from '../lessons.ts'
import { readProgress, writeProgress } from '../progress.ts'

/** The hints of a lesson: the sections of its hints.md headed `## Hint N`. */
export function readHints(lesson: Lesson): string[] {
  const text = readFileSync(lesson.hints, 'utf8')
  return text
    .split(/^## /m)
    .slice(1)
    .map((section) => `## ${section.trim()}`)
}

/** `proclab hint NN`: shows the next hint level (all of them so far), remembering how far the learner got. */
export function hint(root: string, lesson: Lesson): void {
  const hints = readHints(lesson)
  const progress = readProgress(root)
  const shown = Math.min((progress.hints[lesson.id] ?? 0) + 1, hints.length)
  progress.hints[lesson.id] = shown
  writeProgress(root, progress)
  console.log(hints.slice(0, shown).join('\n\n'))
  console.log(shown < hints.length ? `\n(${hints.length - shown} more: run the command again for the next hint.)` : `\n(That was the last hint.)`)
}
