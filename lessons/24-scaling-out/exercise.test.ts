import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, test } from 'vitest'
import { redisServerMissing } from '@proclab/cluster'
import { expectProgram, mostAtOnce, runExercise, taskRuns, translator } from '@proclab/harness'
import { messages } from './messages.ts'

const t = translator(messages)

// The program runs a CPU-bound map on a local pool, then on a cluster of one worker program, then of
// two; tiny tasks both ways; and an idempotent task twice. Times and speedups depend on the machine
// (and on whoever else uses it): they must be printed, and are never checked. What is checked: the
// answers, that the two workers' tasks overlapped (the workers' trace), and the ledger's real files.
const CPU_ANSWER = 103275369 // the Collatz steps of 1 to 800 000, as collatzSteps sums them block by block
const TINY_ANSWER = 39800 // 2 × (0 + 1 + … + 199)
const PAYMENT_IDS = ['p-1', 'p-2', 'p-3']
const VARIANTS = [
  { what: 'cpu, local pool of 2', answer: CPU_ANSWER },
  { what: 'cpu, cluster of 1 worker', answer: CPU_ANSWER },
  { what: 'cpu, cluster of 2 workers', answer: CPU_ANSWER },
  { what: 'tiny, local pool of 2', answer: TINY_ANSWER },
  { what: 'tiny, cluster of 2 workers', answer: TINY_ANSWER },
]
const SPEEDUP = /^speedup of 2 workers over 1: [\d.]+x/

/** Without Redis this lesson cannot run: it is reported as skipped, with how to install it. */
const redisMissing = redisServerMissing() !== undefined
const ledger = mkdtempSync(join(tmpdir(), 'proclab-ledger-'))
afterAll(() => rmSync(ledger, { recursive: true, force: true }))
const run = redisMissing ? undefined : await runExercise(import.meta.url, { env: { LEDGER_DIR: ledger }, timeout: 60_000, timeoutHint: t('timeout') })

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The payment ids recorded in the ledger folder: one per line of every file but runs.log. */
function recordedIds(): string[] {
  const ids: string[] = []
  for (const file of readdirSync(ledger).filter((name) => name !== 'runs.log')) {
    for (const line of readFileSync(join(ledger, file), 'utf8').split('\n').filter((l) => l.trim() !== '')) {
      const id = /"id"\s*:\s*"([^"]+)"/.exec(line)?.[1] ?? PAYMENT_IDS.find((p) => line.includes(p))
      ids.push(id ?? line)
    }
  }
  return ids.sort()
}

describe(t('lesson'), () => {
  if (!run) {
    test.skip(t('needsRedis'), () => {})
    return
  }
  const program = expectProgram(run)

  test(t('finished'), () => {
    program.exitCode(0, /not exported/.test(run.stderr) ? t('exportTask') : t('crashed'))
  })

  test(t('sameAnswer'), () => {
    for (const { what, answer } of VARIANTS) {
      const [, found] = program.line(new RegExp(`^${escape(what)}: answer (-?\\d+) in \\d+ ms$`), t('printAnswer', { what }), { from: 'main' })
      program.that(Number(found) === answer, t('wrongAnswer', { what }), { expected: t('answersOf', { answer }), found })
    }
  })

  test(t('timings'), () => {
    program.line(SPEEDUP, t('printSpeedup'), { from: 'main' })
  })

  test(t('overlapped'), () => {
    // Only the 2-worker map counts: the tasks that ran between its first line and its own.
    const printedAt = (prefix: string) => run.trace.find((e) => e.event === 'output' && e.pid === run.pid && typeof e.text === 'string' && e.text.startsWith(prefix))?.t
    const from = printedAt('cpu, cluster of 1 worker:') ?? -Infinity
    const to = printedAt('cpu, cluster of 2 workers:') ?? Infinity
    const runs = taskRuns(run.trace.filter((e) => e.name === 'ClusterWorker')).filter((r) => r.start >= from && r.end <= to)
    const workers = new Set(runs.map((r) => r.pid))
    const most = mostAtOnce(runs)
    const hint = workers.size === 0 ? t('noClusterTasks') : workers.size === 1 ? t('oneWorker') : t('oneAfterAnother')
    program.that(most >= 2, hint, { expected: t('twoAtOnce'), found: t('mostAtOnce', { count: most }) })
  })

  test(t('idempotent'), () => {
    const runs = readFileSync(join(ledger, 'runs.log'), { encoding: 'utf8', flag: 'a+' }).split('\n').filter(Boolean)
    program.that(PAYMENT_IDS.every((id) => runs.filter((r) => r === id).length >= 2), t('ranOnce'), { expected: PAYMENT_IDS.flatMap((id) => [id, id]), found: runs })
    const ids = recordedIds()
    program.equal(ids, PAYMENT_IDS, t('notIdempotent'))
  })
})
