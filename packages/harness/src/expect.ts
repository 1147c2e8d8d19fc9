import { inspect, isDeepStrictEqual } from 'node:util'
import { authorMatches, lineAuthors, type AuthorSelector, type LineAuthor } from './authors.ts'
import { formatRun, LessonFailure } from './failure.ts'
import { holds, joinOf, mostAtOnce, mostInFlight, raisedErrors, stopCalls, startedChildren, tasksWithin, taskRuns, workersCouldOverlap } from './happened.ts'
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

/** Which process a check is about; see {@link AuthorSelector}. */
export interface FromOptions {
  from?: AuthorSelector
}

/** The checks returned by {@link expectProgram}. */
export class ProgramExpectations {
  #authors: (LineAuthor | undefined)[] | undefined

  constructor(readonly run: ProgramRun) {}

  /** Who wrote each stdout line, by index, from the trace's `output` events. */
  get authors(): (LineAuthor | undefined)[] {
    return (this.#authors ??= lineAuthors(this.run.lines, this.run.trace))
  }

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

  /**
   * The first stdout line matching `pattern` (printed by `from`, when given); fails with `hint` if there
   * is none. With `from`, a matching line printed by another process fails too, saying who printed it.
   * @example program.line(/^child pid=(\d+)$/, t('childPrints'), { from: 'child' })
   */
  line(pattern: RegExp, hint: string, options: FromOptions = {}): RegExpMatchArray {
    const match = this.lines(pattern, options)[0]
    const t = harnessWords()
    if (match === undefined && options.from !== undefined) {
      const others = this.#matching(pattern)
      if (others.length > 0) {
        const [first] = others
        this.that(false, hint, {
          expected: t('printedBy', { what: t('lineMatching', { pattern: String(pattern) }), who: this.#describeSelector(options.from) }),
          found: t('printedBy', { what: first!.line, who: this.#describeAuthor(first!.author) }),
        })
      }
    }
    this.that(match !== undefined, hint, { expected: t('lineMatching', { pattern: String(pattern) }), found: t('noSuchLine') })
    return match!
  }

  /** Every stdout line matching `pattern` (printed by `from`, when given), in order; no check: use it to collect values. */
  lines(pattern: RegExp, options: FromOptions = {}): RegExpMatchArray[] {
    const { from } = options
    return this.#matching(pattern)
      .filter(({ author }) => from === undefined || authorMatches(author, from, this.run.pid))
      .map(({ match }) => match)
  }

  /** Who printed each stdout line matching `pattern`, in order (undefined where nothing traced it). */
  printedBy(pattern: RegExp): (LineAuthor | undefined)[] {
    return this.#matching(pattern).map(({ author }) => author)
  }

  /** Exactly `count` stdout lines match `pattern` (printed by `from`, when given); returns them. */
  count(pattern: RegExp, count: number, hint: string, options: FromOptions = {}): RegExpMatchArray[] {
    const found = this.lines(pattern, options)
    const t = harnessWords()
    const lines = t('linesMatching', { count, pattern: String(pattern) })
    const expected = options.from === undefined ? lines : t('printedBy', { what: lines, who: this.#describeSelector(options.from) })
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

  /**
   * The main process (or `parent`, a pid) joined each child it started — its own `await p.join()`, not
   * the join proclab makes at exit — and, with `before`, did so before its line matching `before`. Read
   * from the trace, so waiting by sleeping, or joining only some children, fails however the output looks.
   * With `children` (names), only those children must have been started and joined: a daemon the
   * program rightly leaves to be terminated at exit is not waited for.
   * @example program.joinedChildren(t('joinHint'), { before: /^parent done/ })
   * @example program.joinedChildren(t('joinWorkerHint'), { before: /^parent done/, children: ['worker'] })
   */
  joinedChildren(hint: string, options: { before?: RegExp; parent?: number; children?: readonly string[] } = {}): void {
    const t = harnessWords()
    const parentPid = options.parent ?? this.run.pid
    const parent = this.#describeAuthor({ pid: parentPid, name: this.run.trace.find((e) => e.pid === parentPid)?.name ?? '?' })
    const lineAt = options.before ? this.#matching(options.before).find(({ author }) => author?.pid === parentPid) : undefined
    if (options.before) this.line(options.before, hint, { from: parentPid })
    const lineTime = lineAt ? this.#writtenAt(lineAt.index) : Infinity
    const started = startedChildren(this.run.trace, parentPid)
    for (const name of options.children ?? []) {
      const expected = t('joinedBeforeEnd', { parent, child: name })
      this.that(started.some((child) => child.name === name), hint, { expected, found: t('neverStarted', { child: name }) })
    }
    for (const child of started.filter((c) => options.children?.includes(c.name) ?? true)) {
      const seen = joinOf(this.run.trace, parentPid, child.name)
      const expected = options.before
        ? t('joinedBefore', { parent, child: child.name, line: String(options.before) })
        : t('joinedBeforeEnd', { parent, child: child.name })
      if (seen.joinedAt === undefined) {
        this.that(false, hint, { expected, found: seen.joinedAtExit ? t('joinedOnlyAtExit', { child: child.name }) : t('neverJoined', { child: child.name }) })
      }
      this.that(seen.joinedAt! <= lineTime, hint, { expected, found: t('joinedAfter', { child: child.name, line: String(options.before) }) })
    }
  }

  /**
   * The main process (or `parent`) started every child it starts (or those named in `children`) before
   * its first own `join()` returned, so they ran at the same time: a program that starts the next child
   * only after joining the previous one runs them one after the other. It reads the program's own order
   * (`start()` is traced as the child's spawn), never how the scheduler ran them.
   * @example program.startedTogether(t('startBothFirst'))
   */
  startedTogether(hint: string, options: { parent?: number; children?: readonly string[] } = {}): void {
    const t = harnessWords()
    const parentPid = options.parent ?? this.run.pid
    const started = startedChildren(this.run.trace, parentPid).filter((c) => options.children?.includes(c.name) ?? true)
    const firstJoin = this.run.trace.find((e) => e.pid === parentPid && e.event === 'unblock' && e.kind === 'join' && e.auto !== true)
    const spawnedAt = (pid: number) => this.run.trace.find((e) => e.event === 'spawn' && e.pid === pid)!.t
    const late = firstJoin === undefined ? [] : started.filter((c) => spawnedAt(c.pid) > firstJoin.t)
    const names = started.map((c) => c.name).join(', ')
    this.that(late.length === 0, hint, {
      expected: t('startedBeforeJoin', { children: names }),
      found: t('startedAfterJoin', { children: late.map((c) => c.name).join(', '), joined: String(firstJoin?.on ?? '').replace(/^join /, '') }),
    })
  }

  /**
   * At least `atLeast` (default 2) pool tasks ran at the same moment in different processes, from
   * `task-start`/`task-end`; with `from`/`to` (trace times, as of a section's first line), only the tasks
   * handed out and started in that window count.
   */
  overlapped(hint: string, options: { atLeast?: number; from?: number; to?: number } = {}): void {
    const atLeast = options.atLeast ?? 2
    const trace = tasksWithin(this.run.trace, options.from ?? -Infinity, options.to ?? Infinity)
    const runs = taskRuns(trace)
    const most = mostAtOnce(runs)
    if (most >= atLeast) return
    const handed = mostInFlight(trace)
    // Handed out together, yet run one by one because the workers came up late: the machine's doing, not the program's.
    if (handed !== undefined && handed >= atLeast && !workersCouldOverlap(trace, atLeast)) return
    const t = harnessWords()
    const found = t('atMostAtOnce', { count: most, tasks: runs.length })
    this.that(false, hint, { expected: t('tasksAtOnce', { count: atLeast }), found: handed === undefined ? found : t('handedAtOnce', { found, handed }) })
  }

  /**
   * Every stdout line matching `pattern` was printed while the process that printed it held an object
   * of `kind` (`'Semaphore'`, `'Lock'`…): between its `acquire` and its `release`.
   */
  printedWhileHolding(pattern: RegExp, kind: string, hint: string): void {
    const t = harnessWords()
    const held = holds(this.run.trace).filter((h) => h.kind === kind)
    for (const { line, author, index } of this.#matching(pattern)) {
      const at = this.#writtenAt(index)
      const inside = author !== undefined && held.some((h) => h.pid === author.pid && h.from <= at && at <= h.to)
      this.that(inside, hint, {
        expected: t('printedWhileHolding', { pattern: String(pattern), kind }),
        found: t('printedOutsideHold', { line: index + 1, text: line, who: this.#describeAuthor(author), kind }),
      })
    }
  }

  /** proclab itself threw `error` (`'EOFError'`…) to the program, in `from` when given: not a line that only says so. */
  raised(error: string, hint: string, options: FromOptions = {}): void {
    const t = harnessWords()
    const { from } = options
    const found = raisedErrors(this.run.trace, error).filter((e) => from === undefined || authorMatches(e, from, this.run.pid))
    const who = from === undefined ? t('whoChosen') : this.#describeSelector(from)
    this.that(found.length > 0, hint, { expected: t('raisedIn', { error, who }), found: t('notRaised', { error }) })
  }

  /**
   * The main process (or `parent`) stopped its child named `child` with its own `terminate()` (or, with
   * `api: 'kill'`, `kill()`) before the child exited: a child that signals itself, or a signal sent with
   * `process.kill(pid)`, ends with the same exit code and fails.
   * @example program.stopped('sleeper', t('terminateHint'))
   */
  stopped(child: string, hint: string, options: { api?: 'terminate' | 'kill'; parent?: number } = {}): void {
    const t = harnessWords()
    const api = options.api ?? 'terminate'
    const parentPid = options.parent ?? this.run.pid
    const exit = this.run.trace.find((e) => e.event === 'exit' && e.name === child && e.ppid === parentPid)
    const call = stopCalls(this.run.trace).find((c) => c.pid === parentPid && c.child === child && c.api === api && (exit === undefined || c.t <= exit.t))
    const parent = this.#describeAuthor({ pid: parentPid, name: this.run.trace.find((e) => e.pid === parentPid)?.name ?? '?' })
    this.that(call !== undefined, hint, { expected: t('stoppedBy', { parent, child, api }), found: t('notStoppedBy', { api }) })
  }

  private indexes(pattern: RegExp): number[] {
    return this.run.lines.flatMap((line, i) => (pattern.test(line) ? [i] : []))
  }

  #matching(pattern: RegExp): { line: string; index: number; match: RegExpMatchArray; author: LineAuthor | undefined }[] {
    const found = []
    for (const [index, line] of this.run.lines.entries()) {
      const match = line.match(pattern)
      if (match) found.push({ line, index, match, author: this.authors[index] })
    }
    return found
  }

  /** When the line at `index` was written, from its author's `output` event (Infinity if untraced). */
  #writtenAt(index: number): number {
    const author = this.authors[index]
    if (!author) return Infinity
    // The n-th line of this author in the output is its n-th traced line.
    const nth = this.authors.slice(0, index).filter((a) => a === author).length
    let seen = 0
    for (const e of this.run.trace) {
      if (e.event !== 'output' || e.stream !== 'stdout' || e.pid !== author.pid || (e.thread ?? undefined) !== author.thread) continue
      seen += String(e.text).split('\n').length - 1
      if (seen > nth) return e.t
    }
    return Infinity
  }

  #describeSelector(selector: AuthorSelector): string {
    const t = harnessWords()
    if (selector === 'main') return t('whoMain')
    if (selector === 'child') return t('whoChild')
    if (typeof selector === 'number') return t('whoPid', { pid: selector })
    if (typeof selector === 'string') return t('whoNamed', { name: selector })
    return t('whoChosen')
  }

  #describeAuthor(author: LineAuthor | undefined): string {
    const t = harnessWords()
    if (!author) return t('authorUnknown')
    const names = { name: author.name, pid: author.pid }
    return author.thread === undefined ? t('author', names) : t('authorThread', names)
  }
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : inspect(value, { depth: 4, breakLength: 100 })
}
