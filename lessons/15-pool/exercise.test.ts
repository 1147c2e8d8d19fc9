import { describe, test } from 'vitest'
import { expectProgram, runExercise } from '@proclab/harness'

// The solution ends in about two seconds: give up well before vitest does.
const run = await runExercise(import.meta.url, {
  timeout: 20_000,
  timeoutHint:
    'The parent needs to wait for one thing only: after the loop of applyAsync calls, `pool.close()` and then ' +
    "`await pool.join()`, which returns once the ten tasks are done. Then it prints 'end'.",
})
const program = expectProgram(run)

const TASKS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
const WORKERS = 3
// `task 4 running in PoolWorker-2 pid=4242`, printed by work() as a task starts.
const RUNNING = /^task (\d+) running in (\S+) pid=(\d+)$/
// `task 4 done after 150 ms`, printed by work() as a task ends.
const DONE = /^task \d+ done\b/
const END = /^end$/

const ran = program.lines(RUNNING).map((m) => ({ task: Number(m[1]), name: m[2]!, pid: Number(m[3]) }))
const pids = [...new Set(ran.map((r) => r.pid))]

/** The main process's pid, as the program printed it. */
function mainPid(): number {
  const [, pid] = program.line(/^main pid=(\d+)$/, 'The program should still print `main pid=…` first: keep that line.')
  return Number(pid)
}

describe('lesson 15: a pool of worker processes', () => {
  test('the program exits normally', () => {
    program.exitCode(
      0,
      'The program should finish without an error. (`pool.join()` on a pool that is still open throws StateError: call ' +
        '`pool.close()` first.)',
    )
  })

  test('all ten tasks ran, each once', () => {
    const numbers = ran.map((r) => r.task).sort((a, b) => a - b)
    const hint =
      numbers.length === 0
        ? 'No task ran. Create the pool with `const pool = new mp.Pool(WORKERS)`, then hand it each task in a loop: ' +
          '`for (let task = 1; task <= TASKS; task++) pool.applyAsync(work, [task])`.'
        : numbers.length < TASKS.length
          ? `Only ${numbers.length} of the ten tasks ran. Hand the pool every task from 1 to 10, and let them finish: ` +
            '`close()` lets the queued tasks run to the end, `terminate()` would stop them.'
          : 'Each task number from 1 to 10 should run exactly once: one `pool.applyAsync(work, [task])` per task.'
    program.equal(numbers, TASKS, hint)
  })

  test('the tasks ran in pool workers, not in the main process', () => {
    const main = mainPid()
    const outside = ran.filter((r) => r.pid === main || !/^PoolWorker-\d+$/.test(r.name))
    program.that(
      ran.length > 0 && outside.length === 0,
      ran.length === 0
        ? 'No task ran (see the test above).'
        : outside.some((r) => r.pid === main)
          ? 'Some tasks ran in the main process: calling `work(task)` yourself runs it right here. Hand it to the pool ' +
            'instead, with `pool.applyAsync(work, [task])`, so that a worker process runs it.'
          : 'Some tasks ran in processes that are not pool workers (their name is not PoolWorker-N). Do not start a ' +
            '`new mp.Process` per task: the pool starts its workers once, and `pool.applyAsync(work, [task])` gives them work.',
      { expected: 'every task in a PoolWorker-N process', found: outside.map((r) => `task ${r.task} in ${r.name} pid=${r.pid}`) },
    )
  })

  test('at most three worker processes shared the ten tasks', () => {
    program.that(
      pids.length >= 1 && pids.length <= WORKERS,
      pids.length === 0
        ? 'No task ran (see the tests above).'
        : `The ten tasks ran in ${pids.length} different processes. A pool has a fixed number of workers, started once: ` +
          'create it with `new mp.Pool(WORKERS)` (3), not a process per task, and hand every task to that one pool.',
      { expected: `at most ${WORKERS} different pids`, found: `${pids.length}: ${pids.join(', ')}` },
    )
  })

  test('the workers were reused: some worker ran more than one task', () => {
    const perPid = pids.map((pid) => ran.filter((r) => r.pid === pid).length)
    program.that(
      perPid.some((n) => n > 1),
      ran.length === 0
        ? 'No task ran (see the tests above).'
        : 'Every task ran in a process of its own. The point of a pool is that a worker, once started, runs task after ' +
          'task: with ten tasks and three workers, some worker must run several. Use one `new mp.Pool(WORKERS)` for all tasks.',
      { expected: 'a pid that ran 2 or more tasks', found: pids.map((pid, i) => `pid ${pid}: ${perPid[i]} task(s)`) },
    )
  })

  test("'end' was printed last, after every task had finished", () => {
    program.count(END, 1, 'The parent should print `end` exactly once, as its last line: keep `console.log(\'end\')` at the end.')
    program.that(ran.length > 0, "No task ran (see the tests above), so 'end' had nothing to wait for yet.")
    program.before(
      DONE,
      END,
      "The parent printed 'end' while tasks were still running. applyAsync only queues a task and returns at once, so the " +
        'parent has to wait for the pool: call `pool.close()` (no more tasks), then `await pool.join()` (wait until the ' +
        "workers have run every task and exited), and only then print 'end'.",
    )
    program.that(run.lines.at(-1) === 'end', "Nothing should be printed after 'end': it is the program's last line.", {
      expected: 'end',
      found: run.lines.at(-1),
    })
  })
})
