#!/usr/bin/env node
import { LANGUAGE_ENV } from '@proclab/harness'
import { langArgument, parseCommandLine, wholeNumber, type CommandLine } from './command-line.ts'
import { check } from './commands/check.ts'
import { DEFAULT_DEV_SEEDS, devCheck } from './commands/dev-check.ts'
import { grade } from './commands/grade.ts'
import { hint } from './commands/hint.ts'
import { list } from './commands/list.ts'
import { newLesson } from './commands/new-lesson.ts'
import { reset } from './commands/reset.ts'
import { run } from './commands/run.ts'
import { solution } from './commands/solution.ts'
import { trace } from './commands/trace.ts'
import { watch } from './commands/watch.ts'
import { worker } from './commands/worker.ts'
import type { Context } from './context.ts'
import { DEFAULT_POINTS } from './grade/gradebook.ts'
import { languageFrom, translator } from './i18n/index.ts'
import { findRoot, listLessons, requireLesson } from './lessons.ts'
import { seedPlan } from './seeds.ts'

/** Runs the command line; resolves to the exit code. Any error thrown is a message for the user. */
async function main(argv: string[]): Promise<number> {
  const language = languageFrom(langArgument(argv), process.env)
  // Every lesson test the CLI runs (check, watch, grade, dev check) inherits this: its check names and
  // hints, and the harness's words, come out in the CLI's language.
  process.env[LANGUAGE_ENV] = language
  const t = translator(language)
  // A worker machine needs no course around it, and the worker reads its own options.
  if (argv[0] === 'worker') return worker(argv.slice(1))
  const line = parseCommandLine(argv, t)
  if (line.options.help) {
    console.log(t('help'))
    return 0
  }
  const root = findRoot()
  if (!root) throw new Error(t('errors.noCourse', { from: process.cwd() }))
  const ctx: Context = { root, lessons: listLessons(root, language), language, t }
  return dispatch(ctx, line)
}

async function dispatch(ctx: Context, { command, args, options }: CommandLine): Promise<number> {
  const { t } = ctx
  const lessonArg = () => {
    if (!args[0]) throw new Error(t('errors.needsLesson', { command }))
    return requireLesson(ctx, args[0])
  }
  const target = options.solution ? 'solution' : 'starter'
  switch (command) {
    case 'watch':
      return watch(ctx, { lesson: args[0] ? lessonArg() : undefined, poll: options.poll === true, manual: options.manual === true })
    case 'list':
      list(ctx)
      return 0
    case 'run':
      return run(lessonArg(), options.solution === true, args.slice(1))
    case 'check': {
      if (options.seed !== undefined && options.seeds !== undefined) throw new Error(t('errors.seedAndSeeds'))
      const plan = seedPlan({ seed: wholeNumber(t, 'seed', options.seed, 0), seeds: wholeNumber(t, 'seeds', options.seeds, 1) })
      return check(ctx, lessonArg(), { plan, target })
    }
    case 'hint':
      hint(ctx, lessonArg())
      return 0
    case 'reset':
      return reset(ctx, lessonArg())
    case 'solution':
      return solution(ctx, lessonArg(), options.write === true)
    case 'grade':
      return grade(ctx, {
        target,
        pointsPerLesson: wholeNumber(t, 'points', options.points, 0) ?? DEFAULT_POINTS,
        seed: wholeNumber(t, 'seed', options.seed, 0),
        json: options.json,
        junit: options.junit,
        classroom: options.classroom === true,
      })
    case 'new':
      if (!args[0] || !options.from) throw new Error(t('errors.newUsage'))
      return newLesson(ctx, args[0], options.from)
    case 'trace':
      return trace(ctx, lessonArg(), { target, html: options.html, open: options.open === true })
    case 'dev': {
      if (args[0] !== 'check') throw new Error(t('errors.unknownDev', { what: args[0] ?? '' }))
      const lessons = args[1] ? [requireLesson(ctx, args[1])] : ctx.lessons
      return devCheck(ctx, lessons, wholeNumber(t, 'seeds', options.seeds, 0) ?? DEFAULT_DEV_SEEDS)
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`proclab: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 2
  },
)
