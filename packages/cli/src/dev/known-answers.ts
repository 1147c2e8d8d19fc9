import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Lesson } from '../lessons.ts'

/** Where a lesson keeps its known wrong answers: `solutions/NN-topic/mistakes/<name>.ts`. */
export const MISTAKES_DIR = 'mistakes'
/** Where a lesson keeps its right answers written differently: `solutions/NN-topic/variants/<name>.ts`. */
export const VARIANTS_DIR = 'variants'
/** The fewest known mistakes a lesson may have: a test is only as good as the wrong answers it rejects. */
export const MIN_MISTAKES = 4
/** The fewest variants a lesson may have: proof that its test accepts a right answer it was not written against. */
export const MIN_VARIANTS = 1
/** Set to `0` to check the mistakes' and variants' headers and counts without running them (one CI job of several need not). */
export const KNOWN_ANSWERS_ENV = 'PROCLAB_DEV_MISTAKES'

/** A full wrong answer, as learners write it, that the lesson's test must reject with the check it names. */
export interface Mistake {
  kind: 'mistake'
  /** Absolute path. */
  file: string
  /** `// Mistake:` what the learner did wrong. */
  description: string
  /** `// Fails:` the English name of the check that must fail first. */
  fails: string
  /** `// Says:` a phrase the failure message must contain, in English. */
  says?: string
}

/** A right answer written differently from the solution, which the lesson's test must pass. */
export interface Variant {
  kind: 'variant'
  /** Absolute path. */
  file: string
  /** `// Variant:` what is different from the solution. */
  description: string
}

export type KnownAnswer = Mistake | Variant

/** A file of `mistakes/` or `variants/` whose header does not say what it is; `missing` names the lines it lacks. */
export interface HeaderProblem {
  kind: KnownAnswer['kind']
  file: string
  missing: string[]
}

/** What a lesson's `mistakes/` and `variants/` folders hold. */
export interface KnownAnswers {
  mistakes: Mistake[]
  variants: Variant[]
  /** Files without a valid header: counted, never run. */
  unreadable: HeaderProblem[]
}

/**
 * Reads the known mistakes and variants of a lesson, each `.ts` file directly in its solution's
 * `mistakes/` and `variants/` folders, in name order.
 * @example
 * const { mistakes } = knownAnswers(lesson)
 * mistakes[0]?.fails // 'the reader got [11, 22, 33, 44], in order'
 */
export function knownAnswers(lesson: Lesson): KnownAnswers {
  const found: KnownAnswers = { mistakes: [], variants: [], unreadable: [] }
  for (const kind of ['mistake', 'variant'] as const) {
    for (const file of programsIn(join(lesson.solutionDir, kind === 'mistake' ? MISTAKES_DIR : VARIANTS_DIR))) {
      const answer = parseHeader(readFileSync(file, 'utf8'), kind, file)
      if ('missing' in answer) found.unreadable.push(answer)
      else if (answer.kind === 'mistake') found.mistakes.push(answer)
      else found.variants.push(answer)
    }
  }
  return found
}

function programsIn(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(dir, entry.name))
    .sort()
}

/** The lines a header must have, by kind; `Says:` is optional. */
const REQUIRED = { mistake: ['Mistake', 'Fails'], variant: ['Variant'] } as const satisfies Record<KnownAnswer['kind'], readonly string[]>

/**
 * Reads the header of a known answer: the `// Key: value` lines among the comment lines the file
 * starts with. Returns the answer, or which required lines are missing or empty.
 * @example parseHeader('// Variant: a loop instead of map\n…', 'variant', file) // { kind: 'variant', file, description: 'a loop instead of map' }
 */
export function parseHeader(text: string, kind: KnownAnswer['kind'], file: string): KnownAnswer | HeaderProblem {
  const fields = new Map<string, string>()
  for (const line of text.split('\n')) {
    const comment = /^\s*\/\/(.*)$/.exec(line)
    if (!comment) break
    const field = /^\s*(Mistake|Fails|Says|Variant):\s*(.*?)\s*$/.exec(comment[1]!)
    // The first value counts: a later line of the same name is the header's prose, not a second value.
    if (field && !fields.has(field[1]!)) fields.set(field[1]!, field[2]!)
  }
  const missing = REQUIRED[kind].filter((key) => !fields.get(key)).map((key) => `// ${key}:`)
  if (missing.length > 0) return { kind, file, missing }
  if (kind === 'variant') return { kind, file, description: fields.get('Variant')! }
  const says = fields.get('Says')
  return { kind, file, description: fields.get('Mistake')!, fails: fields.get('Fails')!, ...(says ? { says } : {}) }
}
