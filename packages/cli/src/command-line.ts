import { parseArgs } from 'node:util'
import type { Translate } from './i18n/index.ts'

/** Every option of every command (each command takes the ones {@link COMMAND_OPTIONS} lists). */
const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  lang: { type: 'string' },
  solution: { type: 'boolean' },
  seed: { type: 'string' },
  seeds: { type: 'string' },
  write: { type: 'boolean' },
  json: { type: 'string' },
  junit: { type: 'string' },
  classroom: { type: 'boolean' },
  points: { type: 'string' },
  from: { type: 'string' },
  html: { type: 'string' },
  open: { type: 'boolean' },
  poll: { type: 'boolean' },
  manual: { type: 'boolean' },
} as const

type OptionName = keyof typeof OPTIONS

/** The commands, each with the options it takes besides `--help` and `--lang`. */
export const COMMAND_OPTIONS = {
  watch: ['poll', 'manual'],
  list: [],
  run: ['solution'],
  check: ['seed', 'seeds', 'solution'],
  hint: [],
  reset: [],
  solution: ['write'],
  grade: ['solution', 'json', 'junit', 'classroom', 'points', 'seed'],
  new: ['from'],
  trace: ['solution', 'html', 'open'],
  dev: ['seeds'],
} as const satisfies Record<string, readonly OptionName[]>

/** A command's name: `watch`, `check`, `grade`… */
export type CommandName = keyof typeof COMMAND_OPTIONS

/** A parsed command line. */
export interface CommandLine {
  command: CommandName
  /** The arguments after the command (`08` in `check 08`); for `run`, those after `--` too. */
  args: string[]
  options: { [K in OptionName]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string }
}

/** The `--lang` of a command line, read before anything else so that even parse errors are in that language. */
export function langArgument(argv: string[]): string | undefined {
  const at = argv.indexOf('--lang')
  if (at >= 0) return argv[at + 1]
  return argv.find((arg) => arg.startsWith('--lang='))?.slice('--lang='.length)
}

/**
 * Parses the command line: the command (watch mode when there is none), its arguments, and its
 * options, rejecting an option the command does not take.
 * @example parseCommandLine(['check', '08', '--seed', '3'], t) // { command: 'check', args: ['08'], options: { seed: '3' } }
 */
export function parseCommandLine(argv: string[], t: Translate): CommandLine {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (error) {
    throw new Error(t('errors.badOption', { reason: (error as Error).message }))
  }
  const [first = 'watch', ...args] = parsed.positionals
  // `proclab help` is `proclab --help`.
  if (first === 'help') return { command: 'watch', args: [], options: { ...parsed.values, help: true } }
  if (!(first in COMMAND_OPTIONS)) throw new Error(t('errors.unknownCommand', { command: first }))
  const command = first as CommandName
  const allowed: readonly OptionName[] = COMMAND_OPTIONS[command]
  for (const name of Object.keys(parsed.values) as OptionName[]) {
    if (name !== 'help' && name !== 'lang' && !allowed.includes(name)) {
      throw new Error(t('errors.optionNotForCommand', { option: `--${name}`, command }))
    }
  }
  return { command, args, options: parsed.values }
}

function parse(argv: string[]) {
  return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true })
}

/**
 * The whole number an option was given, if it was: `--seed 7`. Throws a message naming the option
 * and the value when it is not a whole number of at least `min`.
 */
export function wholeNumber(t: Translate, option: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined
  const number = Number(value)
  if (!/^\d+$/.test(value.trim()) || number < min) throw new Error(t('errors.notWholeNumber', { option: `--${option}`, value, min }))
  return number
}
