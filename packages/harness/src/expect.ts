import { inspect, isDeepStrictEqual } from 'node:util'
import { formatRun, LessonFailure } from './failure.ts'
import type { ProgramRun } from './run.ts'

/**
 * Checks on what a lesson's program did. Every check takes a `hint`: what the learner probably
 * forgot, in the lesson's words. A failed check throws a {@link LessonFailure} whose message is
 * that hint, then what was expected and found, then the program's output.
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
    const shown = details ? `\n\nExpected: ${show(details.expected)}\nFound:    ${show(details.found)}` : ''
    throw new LessonFailure(`${hint}${shown}\n\n${formatRun(this.run)}`)
  }

  /** The program exited with `code` (a negative code means it was killed by that signal). */
  exitCode(code: number, hint = `The program should exit with code ${code}.`): void {
    const found = this.run.exitCode
    const crashed = found === 1 && /^Process |Error|error/m.test(this.run.stderr) ? ' It crashed: read its stderr below.' : ''
    this.that(found === code, hint + crashed, { expected: `exit code ${code}`, found: `exit code ${found}` })
  }

  /** The first stdout line matching `pattern`; fails with `hint` if there is none. */
  line(pattern: RegExp, hint: string): RegExpMatchArray {
    const match = this.lines(pattern)[0]
    this.that(match !== undefined, hint, { expected: `a line matching ${pattern}`, found: 'no such line' })
    return match!
  }

  /** Every stdout line matching `pattern`, in order (no check: use it to collect values). */
  lines(pattern: RegExp): RegExpMatchArray[] {
    return this.run.lines.map((l) => l.match(pattern)).filter((m): m is RegExpMatchArray => m !== null)
  }

  /** Exactly `count` stdout lines match `pattern`; returns them. */
  count(pattern: RegExp, count: number, hint: string): RegExpMatchArray[] {
    const found = this.lines(pattern)
    this.that(found.length === count, hint, { expected: `${count} line(s) matching ${pattern}`, found: `${found.length}` })
    return found
  }

  /** Every line matching `first` comes before the first line matching `second`, and both appear. */
  before(first: RegExp, second: RegExp, hint: string): void {
    const firsts = this.indexes(first)
    const seconds = this.indexes(second)
    this.that(firsts.length > 0, hint, { expected: `a line matching ${first}`, found: 'no such line' })
    this.that(seconds.length > 0, hint, { expected: `a line matching ${second}`, found: 'no such line' })
    const last = firsts.at(-1)!
    const next = seconds[0]!
    this.that(last < next, hint, {
      expected: `${first} (line ${last + 1}) before ${second}`,
      found: `${second} at line ${next + 1}, before line ${last + 1}`,
    })
  }

  /** All `values` differ from each other (pids of different processes, say). */
  distinct(values: unknown[], hint: string): void {
    this.that(new Set(values).size === values.length, hint, { expected: `${values.length} different values`, found: values })
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
