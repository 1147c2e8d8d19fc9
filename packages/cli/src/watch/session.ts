import { revealNextHint } from '../commands/hint.ts'
import { progressTable } from '../commands/list.ts'
import { describeReset, resetExercise } from '../commands/reset.ts'
import type { Context } from '../context.ts'
import { lessonAfter, type Lesson } from '../lessons.ts'
import { readProgress, recordCheck } from '../progress.ts'
import { formatCheckReport, mentionTimeline, whatNext } from '../report/check-report.ts'
import { progressLine } from '../terminal/progress-bar.ts'
import { styleFor, type Style } from '../terminal/style.ts'
import { lessonPassed, lessonSkipped, testLesson } from '../vitest-runner.ts'
import { folderSignature, watchFolder, type FolderWatcher } from './folder-watcher.ts'
import { readKeys, readLines, type Input, type InputSource } from './input.ts'
import type { Screen } from './screen.ts'
import { keysLine, watchHeader } from './views.ts'
import type { PollingReason, WatchMethod } from './watch-method.ts'

/** Options of a {@link WatchSession}. */
export interface WatchOptions {
  /** The lesson to start on. */
  lesson: Lesson
  method: WatchMethod
  /** Why `method` is `polling`, when the learner did not ask for it. */
  pollingReason?: PollingReason | undefined
  /** Single keys on a terminal in raw mode; otherwise one command per line. */
  keys: boolean
  /** Check once and quit (CI, where nobody will ever type `q`). */
  once: boolean
  stdin: NodeJS.ReadStream
}

const QUIT_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']

/**
 * Watch mode: shows the current lesson, checks it each time one of its files is saved, and answers
 * single-key commands. One thing happens at a time (a check, a hint, a reset…), in the order asked;
 * only quitting interrupts, and it stops a running check with every process it started.
 */
export class WatchSession {
  private lesson: Lesson
  /** The queue of things to do; each waits for the one before. */
  private work: Promise<void> = Promise.resolve()
  private running: AbortController | undefined
  private checkQueued = false
  /** The folder's signature when it was last checked: events that changed nothing are ignored. */
  private lastChecked = ''
  /** Said at the top of the next check's screen (which clears what came before). */
  private notice: string | undefined
  /** Set while a yes/no question waits for its answer. */
  private answer: ((yes: boolean) => void) | undefined
  private watcher: FolderWatcher | undefined
  private input: InputSource | undefined
  private ended = false
  private finished: () => void = () => {}
  private readonly style: Style
  private readonly onSignal = () => this.quit()

  constructor(
    private readonly ctx: Context,
    private readonly screen: Screen,
    private readonly options: WatchOptions,
  ) {
    this.lesson = options.lesson
    this.style = styleFor(screen.stream)
  }

  /** Runs until the learner quits (or the input ends); resolves then. */
  run(): Promise<void> {
    const done = new Promise<void>((resolve) => (this.finished = resolve))
    const onInput = (input: Input) => this.onInput(input)
    this.input = this.options.keys ? readKeys(this.options.stdin, onInput) : readLines(this.options.stdin, onInput)
    for (const signal of QUIT_SIGNALS) process.on(signal, this.onSignal)
    this.open(this.lesson)
    if (this.options.once) this.enqueue(async () => this.quit())
    return done
  }

  private onInput(input: Input): void {
    if (this.answer) {
      const answer = this.answer
      this.answer = undefined
      answer(input.kind === 'key' && input.key === 'y')
      if (input.kind !== 'end') return
    }
    if (input.kind === 'end') return this.enqueue(async () => this.quit())
    if (input.kind === 'enter') return this.options.method === 'manual' ? this.requestCheck() : undefined
    switch (input.key) {
      case 'q':
        return this.quit()
      case 'n':
        return this.enqueue(async () => this.nextLesson())
      case 'h':
        return this.enqueue(async () => this.showHint())
      case 'l':
        return this.enqueue(async () => this.showList())
      case 'r':
        return this.enqueue(() => this.resetLesson())
      case 'c':
        return this.enqueue(() => this.checkAll())
      default:
        this.screen.print(this.ctx.t('watch.unknownKey', { key: input.key, keys: this.keysLine() }))
    }
  }

  private enqueue(action: () => Promise<void>): void {
    this.work = this.work.then(async () => {
      if (this.ended) return
      try {
        await action()
      } catch (error) {
        this.screen.print(this.style.red(error instanceof Error ? error.message : String(error)))
        this.screen.print(this.keysLine())
      }
    })
  }

  /** Makes `lesson` the current one: watches its folder and checks it. */
  private open(lesson: Lesson): void {
    this.watcher?.close()
    this.lesson = lesson
    this.lastChecked = ''
    const { method } = this.options
    if (method !== 'manual') {
      this.watcher = watchFolder(lesson.dir, method, () => this.onFolderChange(), (error) => {
        this.screen.print(this.ctx.t('watch.fallback', { error: error.message }))
      })
    }
    this.requestCheck()
  }

  private onFolderChange(): void {
    if (folderSignature(this.lesson.dir) !== this.lastChecked) this.requestCheck()
  }

  /** Queues a check of the current lesson, unless one is queued already (it will see the latest files). */
  private requestCheck(): void {
    if (this.checkQueued) return
    this.checkQueued = true
    this.enqueue(async () => {
      this.checkQueued = false
      await this.checkCurrent()
    })
  }

  private async checkCurrent(): Promise<void> {
    const { ctx, lesson, screen } = this
    this.lastChecked = folderSignature(lesson.dir)
    screen.clear()
    screen.print(this.header())
    if (this.notice) screen.print(`${this.notice}\n`)
    this.notice = undefined
    screen.print(this.style.dim(ctx.t('watch.checking')))
    const result = await this.cancellable((signal) => testLesson(lesson, { target: 'starter', signal }))
    if (result.cancelled) return
    const passed = lessonPassed(result)
    const skipped = lessonSkipped(result) !== undefined
    // A lesson that could not run here has neither passed nor failed: nothing to record.
    if (!skipped) recordCheck(ctx.root, lesson.id, passed)
    screen.print(`\n${formatCheckReport(ctx, lesson, result, 'starter', this.style)}`)
    if (!passed && !skipped) await mentionTimeline(ctx, lesson, result, (line) => screen.print(line))
    screen.print(`\n${skipped ? ctx.t('next.skipped', { number: lesson.number }) : whatNext(ctx, lesson, passed, true)}`)
    screen.print(`\n${this.keysLine()}`)
  }

  private async cancellable<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController()
    this.running = controller
    try {
      return await run(controller.signal)
    } finally {
      this.running = undefined
    }
  }

  private nextLesson(): void {
    const next = lessonAfter(this.ctx.lessons, this.lesson)
    if (!next) {
      this.screen.print(this.ctx.t('watch.lastLesson'))
      return
    }
    this.open(next)
  }

  private showHint(): void {
    const { shown, total, untranslated } = revealNextHint(this.ctx, this.lesson)
    const { t } = this.ctx
    this.screen.print('')
    if (untranslated) this.screen.print(t('hint.untranslated'))
    this.screen.print(`${this.style.bold(t('watch.hintOf', { shown: shown.length, total }))}\n${shown.at(-1)}`)
    this.screen.print(`\n${shown.length < total ? t('watch.moreHints') : t('hint.last')}`)
  }

  private showList(): void {
    this.screen.print(`\n${progressTable(this.ctx, readProgress(this.ctx.root))}\n\n${this.keysLine()}`)
  }

  private async resetLesson(): Promise<void> {
    const { ctx, lesson, screen } = this
    screen.print(`\n${ctx.t('watch.resetAsk', { number: lesson.number })}`)
    const yes = await new Promise<boolean>((resolve) => (this.answer = resolve))
    if (!yes) {
      screen.print(ctx.t('watch.resetCancelled'))
      return
    }
    const outcome = resetExercise(ctx, lesson)
    if (outcome.kind === 'unchanged') {
      screen.print(describeReset(ctx, lesson, outcome))
      return
    }
    this.notice = describeReset(ctx, lesson, outcome)
    this.requestCheck()
  }

  private async checkAll(): Promise<void> {
    const { ctx, screen } = this
    screen.print(`\n${ctx.t('watch.checkingAll')}`)
    const bar = progressLine(screen.stream)
    for (const [done, lesson] of ctx.lessons.entries()) {
      bar.update(done, ctx.lessons.length, lesson.id)
      const result = await this.cancellable((signal) => testLesson(lesson, { target: 'starter', signal }))
      if (result.cancelled) return
      if (lessonSkipped(result) === undefined) recordCheck(ctx.root, lesson.id, lessonPassed(result))
    }
    bar.update(ctx.lessons.length, ctx.lessons.length, '')
    bar.done()
    this.showList()
  }

  private header(): string {
    return watchHeader(this.ctx, this.lesson, this.options, this.style)
  }

  private keysLine(): string {
    return keysLine(this.ctx, this.options.keys, this.style)
  }

  /** Stops everything: the running check and its processes, the watcher, and raw mode. */
  private quit(): void {
    if (this.ended) return
    this.ended = true
    this.running?.abort()
    this.answer?.(false)
    this.watcher?.close()
    this.input?.close()
    // Not at once: execa's cleanup handler (signal-exit), next in line for this signal, re-raises it when it finds no other listener.
    setImmediate(() => {
      for (const signal of QUIT_SIGNALS) process.off(signal, this.onSignal)
    })
    this.screen.print(`\n${this.ctx.t('watch.bye')}`)
    this.finished()
  }
}
