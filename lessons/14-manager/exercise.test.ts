import { describe, test } from 'vitest'
import { expectProgram, runExercise } from '@proclab/harness'

// The solution ends in about a second: give up well before vitest does.
const run = await runExercise(import.meta.url, { timeout: 20_000 })
const program = expectProgram(run)

const CHILDREN = ['laoniao', 'ruhua']
const MAIN = 'main'
const GREETING = 'hello from main'
// `main pid=4200`, printed by the parent first.
const MAIN_PID = /^main pid=(\d+)$/
// `child laoniao pid=4242`, printed by each child as it starts.
const CHILD_PID = /^child (\S+) pid=(\d+)$/
// The three objects as JSON, printed by the parent after the joins.
const DICT = /^dict: (.*)$/
const LIST = /^list: (.*)$/
const NAMESPACE = /^namespace: (.*)$/

/** The pids the program printed, by name: each child's and the parent's. */
function printedPids(): Record<string, number> {
  const pids: Record<string, number> = {}
  for (const [, name, pid] of program.lines(CHILD_PID)) pids[name!] = Number(pid)
  const main = program.lines(MAIN_PID)[0]
  if (main) pids[MAIN] = Number(main[1])
  return pids
}

/** The JSON the parent printed after `pattern`, or null if it is not JSON. */
function printed(pattern: RegExp, what: string): unknown {
  const [, text] = program.line(pattern, `The parent should still print ${what} after the joins: keep that line at the end of the program.`)
  try {
    return JSON.parse(text!)
  } catch {
    return null
  }
}

const sorted = (values: string[]) => [...values].sort()

describe('lesson 14: sharing a dict, a list and a namespace through a Manager', () => {
  test('the program exits normally', () => {
    program.exitCode(0, 'The program should finish without an error.')
  })

  test('two children ran, each in a process of its own', () => {
    const pids = printedPids()
    program.equal(
      sorted(Object.keys(pids)),
      sorted([...CHILDREN, MAIN]),
      'The parent should print `main pid=…` and each child `child <name> pid=…`: keep those lines, and start one child per ' +
        'name in CHILDREN.',
    )
    program.distinct(Object.values(pids), 'The parent and the two children should be three different processes, with three different pids.')
  })

  test('the dict holds all three entries, each with the pid of the process that wrote it', () => {
    const pids = printedPids()
    const dict = printed(DICT, '`dict: …`') as Record<string, unknown> | null
    const keys = dict && typeof dict === 'object' ? Object.keys(dict) : []
    const missingChildren = CHILDREN.filter((name) => !keys.includes(name))
    const wrong = keys.filter((key) => key in pids && dict![key] !== pids[key])
    const hint =
      keys.length === 0
        ? 'The shared dict is empty. In visit(), each child should store its own pid under its name: ' +
          '`await pids.set(name, process.pid)`. Then, after the joins, the parent adds its own: `await pids.set(MAIN, process.pid)`.'
        : missingChildren.length === CHILDREN.length
          ? "The children's entries are missing. In visit(), store the child's pid in the dict it received: " +
            '`await pids.set(name, process.pid)`. The dict is a proxy: every process that holds it writes into the same dict, ' +
            "in the manager's process."
          : missingChildren.length > 0
            ? `The entry of ${missingChildren.join(' and ')} is missing. Did every child \`await\` its set()? A call that is not ` +
              'awaited may not have reached the manager when the child exits. And the parent must print the dict only after ' +
              '`await child.join()` for both children.'
            : !keys.includes(MAIN)
              ? "The parent's own entry is missing. After the joins, the parent writes into the same dict: " +
                '`await pids.set(MAIN, process.pid)`.'
              : wrong.length > 0
                ? `The value under ${wrong.map((k) => `'${k}'`).join(' and ')} is not the pid that process printed. Each process ` +
                  'stores its own pid, `process.pid`, under its own name.'
                : 'The dict should hold exactly three entries: one per child and one for the parent, each name mapped to that ' +
                  "process's pid."
    program.equal(dict, pids, hint)
  })

  test('the list holds every name once, the parent last', () => {
    const list = printed(LIST, '`list: …`')
    const names = Array.isArray(list) ? (list as string[]) : []
    program.equal(
      sorted(names),
      sorted([...CHILDREN, MAIN]),
      names.length === 0
        ? 'The shared list is empty. Each child adds its name with `await visitors.push(name)`, and the parent adds ' +
            '`MAIN` after the joins: `await visitors.push(MAIN)`.'
        : !names.includes(MAIN)
          ? "The parent's name is missing from the list. After the joins, the parent pushes it too: `await visitors.push(MAIN)`."
          : CHILDREN.some((name) => !names.includes(name))
            ? "A child's name is missing from the list. In visit(), each child adds its own: `await visitors.push(name)`."
            : 'The list should hold each name exactly once: each child pushes its own name in visit(), the parent pushes MAIN ' +
              'after the joins.',
    )
    program.equal(
      names.at(-1),
      MAIN,
      'The parent pushes its name after `await child.join()` for both children, so it must come last. (The two children may ' +
        'come in either order: which of them is first is up to the scheduler.)',
    )
  })

  test("the namespace holds the parent's greeting and each child's answer", () => {
    const namespace = printed(NAMESPACE, '`namespace: …`') as Record<string, unknown> | null
    const expected = Object.fromEntries([['greeting', GREETING], ...CHILDREN.map((name) => [name, `${name} read: ${GREETING}`])])
    const answered = namespace && typeof namespace === 'object' ? CHILDREN.filter((name) => name in namespace) : []
    program.equal(
      namespace,
      expected,
      answered.length === 0
        ? "No child answered in the namespace. In visit(), read the parent's value with `const greeting = await " +
            "board.get('greeting')`, then write under the child's own name: `await board.set(name, `${name} read: ${greeting}`)`."
        : 'Each child should write `<name> read: <greeting>` under its own name, with the greeting it read from the ' +
            "namespace (`await board.get('greeting')`: without `await` you get a Promise, not the text).",
    )
  })
})
