#!/usr/bin/env node
import { parseArgs } from 'node:util'
import { check } from './commands/check.ts'
import { devCheck } from './commands/dev-check.ts'
import { hint } from './commands/hint.ts'
import { list } from './commands/list.ts'
import { run } from './commands/run.ts'
import { findLesson, findRoot, listLessons } from './lessons.ts'

const HELP = `proclab: learn multiprocessing by doing

Usage:
  proclab                  list the lessons, your progress, and what to do next
  proclab list             the same
  proclab run NN           run lesson NN's program (your exercise.ts)
  proclab run NN --solution
                           run the reference solution instead
  proclab check NN         check your exercise.ts against the lesson's test
  proclab hint NN          show the next hint for lesson NN
  proclab dev check        (authors) every lesson passes against its solution and fails against its starter

NN is a lesson number (01, 1) or folder name (01-hello-process).
Progress is kept in .proclab/progress.json: commit it and it travels with your work.`

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: { help: { type: 'boolean', short: 'h' }, solution: { type: 'boolean' } },
  })
  const [command = 'list', ...rest] = positionals.map(String)
  if (values.help || command === 'help') {
    console.log(HELP)
    return 0
  }
  const root = findRoot()
  const lessons = listLessons(root)
  const lessonArg = () => {
    if (!rest[0]) throw new Error(`\`proclab ${command}\` needs a lesson number, e.g. \`proclab ${command} 01\`.`)
    return findLesson(lessons, rest[0])
  }
  switch (command) {
    case 'list':
      list(root, lessons)
      return 0
    case 'run':
      return run(lessonArg(), values.solution === true, rest.slice(1))
    case 'check':
      return check(root, lessons, lessonArg())
    case 'hint':
      hint(root, lessonArg())
      return 0
    case 'dev':
      if (rest[0] === 'check') return devCheck(root, lessons)
      throw new Error(`Unknown \`proclab dev ${rest[0] ?? ''}\`: the authors' command is \`proclab dev check\`.`)
    default:
      throw new Error(`Unknown command '${command}'. Run \`proclab --help\` to see the commands.`)
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`proclab: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 2
  },
)
