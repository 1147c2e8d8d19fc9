import { describe, test } from 'vitest'
import { expectProgram, runExercise, translator, type TraceEvent } from '@proclab/harness'
import { messages } from './messages.ts'

const t = translator(messages)

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
  const [, text] = program.line(pattern, t('keepPrinting', { what }))
  try {
    return JSON.parse(text!)
  } catch {
    return null
  }
}

const sorted = (values: string[]) => [...values].sort()

/**
 * The children (by name) that never called `method` on the manager's object of `typeid`, from the trace's `call`
 * events: each is traced in the process that made the call, so an entry the parent wrote for a child is not the child's.
 */
function childrenWithoutCall(typeid: RegExp, method: string): string[] {
  const callers = new Set(
    run.trace.filter((e) => e.event === 'call' && typeid.test(String(e.typeid)) && e.method === method).map((e) => e.name),
  )
  return CHILDREN.filter((name) => !callers.has(name))
}

/** A manager call that only changes the object; any other (`get`, `toObject`, `toArray`, `entries`…) reads it back. */
const WRITES = new Set(['set', 'delete', 'update', 'clear', 'push', 'extend', 'insert', 'remove', 'setDefault', 'sort', 'reverse'])
const isRead = (typeid: RegExp) => (e: TraceEvent) => e.event === 'call' && typeid.test(String(e.typeid)) && !WRITES.has(String(e.method))
/** When the last child exited: what the parent reads from the manager after it is the final content. */
const lastChildExit = Math.max(...run.trace.filter((e) => e.event === 'exit' && CHILDREN.includes(e.name)).map((e) => e.t))

/** Fails unless the parent read the manager's object of `typeid` back after the children were done, to print it. */
function parentReadBack(typeid: RegExp, what: string, call: string): void {
  const read = run.trace.some((e) => isRead(typeid)(e) && e.pid === run.pid && e.t >= lastChildExit)
  program.that(read, t('notReadBack', { what, call }), { expected: t('readBack', { call }), found: t('noReadBack') })
}

describe(t('lesson'), () => {
  test(t('exits'), () => {
    program.exitCode(0, t('exitsHint'))
  })

  test(t('twoChildren'), () => {
    const pids = printedPids()
    program.equal(sorted(Object.keys(pids)), sorted([...CHILDREN, MAIN]), t('printPids'))
    program.distinct(Object.values(pids), t('threePids'))
    // `child laoniao pid=…` is the child's own line: the parent printing child.pid proves nothing about the child.
    const authors = program.printedBy(CHILD_PID)
    const misprinted = program.lines(CHILD_PID).filter((m, i) => authors[i]?.name !== m[1])
    program.that(misprinted.length === 0, t('childLineByOther'), {
      expected: t('ownLine'),
      found: misprinted.map((m) => t('printedByOther', { line: m[0], who: authors[program.lines(CHILD_PID).findIndex((n) => n[0] === m[0])]?.name ?? '?' })),
    })
  })

  test(t('dictEntries'), () => {
    // What the parent prints is final only once it has joined both children (from the trace, not the print order).
    program.joinedChildren(t('joinFirst'), { before: DICT })
    const pids = printedPids()
    const dict = printed(DICT, '`dict: …`') as Record<string, unknown> | null
    const keys = dict && typeof dict === 'object' ? Object.keys(dict) : []
    const missingChildren = CHILDREN.filter((name) => !keys.includes(name))
    const wrong = keys.filter((key) => key in pids && dict![key] !== pids[key])
    // No process ever called a manager dict: the program's dict is an ordinary Map or object, copied into each child.
    const managerDictUsed = run.trace.some((e) => e.event === 'call' && /^dict$/i.test(String(e.typeid)))
    const hint =
      !managerDictUsed && missingChildren.length > 0
        ? t('notManagerDict')
        : keys.length === 0
        ? t('dictEmpty')
        : missingChildren.length === CHILDREN.length
          ? t('childrenMissing')
          : missingChildren.length > 0
            ? t('childMissing', { names: missingChildren.join(t('and')) })
            : !keys.includes(MAIN)
              ? t('parentMissing')
              : wrong.length > 0
                ? t('wrongPid', { keys: wrong.map((k) => `'${k}'`).join(t('and')) })
                : t('threeEntries')
    program.equal(dict, pids, hint)
    parentReadBack(/^dict$/i, 'dict', 'pids.toObject()')
    const silent = childrenWithoutCall(/^dict$/i, 'set')
    program.that(silent.length === 0, t('childDidNotSet', { names: silent.join(t('and')) }), {
      expected: t('callsFrom', { call: 'pids.set(name, process.pid)', names: CHILDREN.join(t('and')) }),
      found: t('noCallFrom', { names: silent.join(t('and')) }),
    })
  })

  test(t('listNames'), () => {
    const list = printed(LIST, '`list: …`')
    const names = Array.isArray(list) ? (list as string[]) : []
    program.equal(
      sorted(names),
      sorted([...CHILDREN, MAIN]),
      names.length === 0
        ? t('listEmpty')
        : !names.includes(MAIN)
          ? t('parentNameMissing')
          : CHILDREN.some((name) => !names.includes(name))
            ? t('childNameMissing')
            : t('eachNameOnce'),
    )
    program.equal(names.at(-1), MAIN, t('parentLast'))
    parentReadBack(/^list$/i, 'list', 'visitors.toArray()')
    const silent = childrenWithoutCall(/^list$/i, 'push')
    program.that(silent.length === 0, t('childDidNotPush', { names: silent.join(t('and')) }), {
      expected: t('callsFrom', { call: 'visitors.push(name)', names: CHILDREN.join(t('and')) }),
      found: t('noCallFrom', { names: silent.join(t('and')) }),
    })
  })

  test(t('namespace'), () => {
    const namespace = printed(NAMESPACE, '`namespace: …`') as Record<string, unknown> | null
    const expected = Object.fromEntries([['greeting', GREETING], ...CHILDREN.map((name) => [name, `${name} read: ${GREETING}`])])
    const answered = namespace && typeof namespace === 'object' ? CHILDREN.filter((name) => name in namespace) : []
    program.equal(namespace, expected, answered.length === 0 ? t('noAnswer') : t('answerWithGreeting'))
    const silent = childrenWithoutCall(/^namespace$/i, 'set')
    program.that(silent.length === 0, t('childDidNotAnswer', { names: silent.join(t('and')) }), {
      expected: t('callsFrom', { call: 'board.set(name, …)', names: CHILDREN.join(t('and')) }),
      found: t('noCallFrom', { names: silent.join(t('and')) }),
    })
    // An answer with the greeting typed in is not an answer to what the parent wrote: each child reads it from the namespace.
    const readers = new Set(run.trace.filter((e) => isRead(/^namespace$/i)(e)).map((e) => e.name))
    const guessed = CHILDREN.filter((name) => !readers.has(name))
    program.that(guessed.length === 0, t('childDidNotRead', { names: guessed.join(t('and')) }), {
      expected: t('callsFrom', { call: "board.get('greeting')", names: CHILDREN.join(t('and')) }),
      found: t('noCallFrom', { names: guessed.join(t('and')) }),
    })
  })
})
