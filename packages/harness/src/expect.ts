import { inspect, isDeepStrictEqual } from 'node:util'
import { formatRun, LessonFailure } from './failure.ts'
import { harnessWords } from './i18n/harness-messages.ts'
import type { ProgramRun } from './run.ts'

/**
 * Checks on what a lesson's program did. Every check takes a `hint`: what the learner probably
 * forgot, in the lesson's words (from its message catalog, through `translator(messages)`). A
 * failed check throws a {@link LessonFailure} whose message is that hint, then what was expected
 * and found, then the program's output; the harness's own words are in the learner's language too.
 * @example
 * const program = expectProgram(await runExercise(import.meta.url))
 * const [, pid] = program.line(/^child pid=(\d+)$/, 'The child should print its pid.')
 * program.before(/^child/, /^parent done/, 'Did you `await p.join()` before the last print?')
 */
export function expectProgram(run: ProgramRun): ProgramExpectations {
  return new ProgramExpectations(run)
}

/** The checks returned by {@link expectProgram}. */
export class ProgramExpectations {
  constructor(readonly run: ProgramRun) {}

  /** Fails with `hint` unless `condition` holds; `details` says what was expected and found. */
  that(condition: boolean, hint: string, details?: { expected: unknown; found: unknown }): void {
    if (condition) return
    const t = harnessWords()
    const shown = details ? `\n\n${t('expected', { value: show(details.expected) })}\n${t('found', { value: show(details.found) })}` : ''
    throw new LessonFailure(`${hint}${shown}\n\n${formatRun(this.run)}`)
  }

  /** The program exited with `code` (a negative code means it was killed by that signal). */
  exitCode(code: number, hint = harnessWords()('exitCodeHint', { code })): void {
    const t = harnessWords()
    const found = this.run.exitCode
    const crashed = found === 1 && /^Process |Error|error/m.test(this.run.stderr)
    this.that(found === code, crashed ? t('crashed', { hint }) : hint, { expected: t('exitCode', { code }), found: t('exitCode', { code: found }) })
  }

  /** The first stdout line matching `pattern`; fails with `hint` if there is none. */
  line(pattern: RegExp, hint: string): RegExpMatchArray {
    const match = this.lines(pattern)[0]
    const t = harnessWords()
    this.that(match !== undefined, hint, { expected: t('lineMatching', { pattern: String(pattern) }), found: t('noSuchLine') })
    return match!
  }

  /** Every stdout line matching `pattern`, in order (no check: use it to collect values). */
  lines(pattern: RegExp): RegExpMatchArray[] {
    return this.run.lines.map((l) => l.match(pattern)).filter((m): m is RegExpMatchArray => m !== null)
  }

  /** Exactly `count` stdout lines match `pattern`; returns them. */
  count(pattern: RegExp, count: number, hint: string): RegExpMatchArray[] {
    const found = this.lines(pattern)
    const expected = harnessWords()('linesMatching', { count, pattern: String(pattern) })
    this.that(found.length === count, hint, { expected, found: `${found.length}` })
    return found
  }

  /** Every line matching `first` comes before the first line matching `second`, and both appear. */
  before(first: RegExp, second: RegExp, hint: string): void {
    const t = harnessWords()
    const firsts = this.indexes(first)
    const seconds = this.indexes(second)
    this.that(firsts.length > 0, hint, { expected: t('lineMatching', { pattern: String(first) }), found: t('noSuchLine') })
    this.that(seconds.length > 0, hint, { expected: t('lineMatching', { pattern: String(second) }), found: t('noSuchLine') })
    const last = firsts.at(-1)!
    const next = seconds[0]!
    this.that(last < next, hint, {
      expected: t('lineBefore', { first: String(first), line: last + 1, second: String(second) }),
      found: t('lineAfter', { second: String(second), at: next + 1, line: last + 1 }),
    })
  }

  /** All `values` differ from each other (pids of different processes, say). */
  distinct(values: unknown[], hint: string): void {
    this.that(new Set(values).size === values.length, hint, { expected: harnessWords()('differentValues', { count: values.length }), found: values })
  }

  /** `found` equals `expected` (deep equality, as `util.isDeepStrictEqual`). */
  equal<T>(found: T, expected: T, hint: string): void {
    this.that(isDeepStrictEqual(found, expected), hint, { expected, found })
  }

  private indexes(pattern: RegExp): number[] {
    return this.run.lines.flatMap((line, i) => (pattern.test(line) ? [i] : []))
  }
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : inspect(value, { depth: 4, breakLength: 100 })
}
