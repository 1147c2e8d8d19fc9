import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { spawn, spawnSync } from 'node:child_process'
import { createInterface } from 'node:readline'
import { describe, expect, onTestFinished, test } from 'vitest'
import { killAll, processGroupMembers, runProgram, stillRunning, type ProgramRun, type TraceEvent } from '@proclab/harness'
import { PLATFORM_PATHS_ENV } from '../src/env.ts'
import { sharedMemoryFilesOf } from './helpers.ts'
import { SHARED_MEMORY_FOLDER } from '../src/platform-paths.ts'

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))
const events = (run: ProgramRun, event: string) => run.trace.filter((e: TraceEvent) => e.event === event)

describe('targets and names', () => {
  test('a TypeScript program runs targets from its own module and from modules it imports', async () => {
    const run = await runProgram(fixture('hello.ts'))
    expect(run.exitCode).toBe(0)
    const main = run.pid
    expect(run.lines).toEqual([
      expect.stringMatching(new RegExp(`^greet kurong 18 name=Process-1 pid=\\d+ ppid=${main} parent=MainProcess:${main}$`)),
      expect.stringMatching(new RegExp(`^double 42 pid=\\d+ ppid=${main}$`)),
      `main pid=${main} name=MainProcess parent=null`,
      expect.stringMatching(new RegExp(`^repr <Process name='Process-1' pid=\\d+ parent=${main} stopped exitcode=0>$`)),
    ])
  })

  test('a plain JavaScript program runs with node and no loader', async () => {
    const run = await runProgram(fixture('hello.mjs'))
    expect(run.lines).toEqual([expect.stringMatching(new RegExp(`^greet js name=Process-1 pid=\\d+ ppid=${run.pid}$`)), `main pid=${run.pid} exitcode=0`])
  })

  test("a child's children are named Process-1:N and know their parent", async () => {
    const run = await runProgram(fixture('grandchildren.ts'))
    const middle = run.lines.find((l) => l.startsWith('middle name='))!.match(/pid=(\d+)/)![1]
    const leaves = run.lines.filter((l) => l.startsWith('leaf')).sort()
    expect(leaves).toEqual([
      expect.stringMatching(new RegExp(`^leaf name=Process-1:1 pid=\\d+ ppid=${middle} parent=Process-1$`)),
      expect.stringMatching(new RegExp(`^leaf name=Process-1:2 pid=\\d+ ppid=${middle} parent=Process-1$`)),
    ])
    expect(run.lines.slice(-2)).toEqual(['middle joined Process-1:1,Process-1:2', 'main done exitcode=0'])
  })

  test('a child that starts a process while re-importing its module is refused, with the reason', async () => {
    const run = await runProgram(fixture('noguard.ts'))
    expect(run.lines).toEqual([`exitcode=1 pid=${run.pid}`])
    expect(run.stderr).toContain('Process Process-1:\nStateError: Process.start() was called while this child process (Process-1) was still importing')
    expect(run.stderr).toContain('if (mp.isMain(import.meta))')
  })

  test("an uncaught error prints `Process <name>:` and a stack that points at the learner's TypeScript", async () => {
    const run = await runProgram(fixture('crash.ts'))
    expect(run.lines).toEqual(['exitcode=1'])
    expect(run.stderr).toMatch(/^Process Exploder:\nError: boom from the child\n\s+at explode \(.*fixtures\/crash\.ts:5:9\)/)
  })
})

describe('exiting', () => {
  test('a program whose main code ends without join waits for its non-daemon child, then exits by itself', async () => {
    const run = await runProgram(fixture('no-join.ts'))
    expect(run.exitCode).toBe(0)
    expect(run.lines).toEqual(['main code done', 'child finished'])
  })

  test('a pool and an executor left open are shut down when the main code is done', async () => {
    const run = await runProgram(fixture('open-pool.ts'), { timeout: 15_000 }) // throws if a worker is left
    expect(run.lines).toEqual(['9 16'])
    expect(run.exitCode).toBe(0)
    expect(events(run, 'spawn').length).toBeLessThanOrEqual(5) // 3 workers, no endless replacements
  })

  test('close() and join() of a pool: join keeps the program alive until its workers have exited, each with 0', async () => {
    const run = await runProgram(fixture('closed-pool.ts'), { timeout: 15_000 })
    expect([run.exitCode, run.lines]).toEqual([0, ['1 4 9 16', 'joined']])
    const workerExits = events(run, 'exit').filter((e) => String(e.name).startsWith('PoolWorker-'))
    // Terminated at exit (-15) instead would mean join() let the program end before the workers did.
    expect(workerExits.map((e) => e.exitCode)).toEqual([0, 0])
  })

  test('a manager, a held lock and shared memory left open do not keep a program alive, and leave nothing behind', async () => {
    const run = await runProgram(fixture('open-manager.ts'), { timeout: 15_000 }) // throws if the manager's server is left
    expect([run.exitCode, run.lines]).toEqual([0, ['done 1 5']])
    expect(sharedMemoryFilesOf(run.pid)).toEqual([])
  })

  test('shared memory left by a process that was killed is removed by the next program that makes some', async () => {
    const dead = spawnSync('true').pid! // a pid that has ended
    // In /dev/shm, or in a private folder of the temp folder with its socket (the portable mode's place).
    const orphan = SHARED_MEMORY_FOLDER ? `${SHARED_MEMORY_FOLDER}/proclab-${dead}-1` : join(tmpdir(), `proclab-pid${dead}-Ab3dEf`)
    if (SHARED_MEMORY_FOLDER) writeFileSync(orphan, '')
    else {
      mkdirSync(orphan)
      for (const file of ['shm-1', 'socket-1']) writeFileSync(join(orphan, file), '')
    }
    const run = await runProgram(fixture('open-manager.ts'), { timeout: 15_000 })
    expect(run.exitCode).toBe(0)
    expect(existsSync(orphan)).toBe(false)
  })

  test('daemon children end with their parent; non-daemon children are waited for', async () => {
    const run = await runProgram(fixture('daemon.ts')) // throws if any process is left behind
    expect(run.exitCode).toBe(0)
    expect(run.lines).toContain('worker finished')
    const daemonPid = Number(run.lines.find((l) => l.startsWith('main done'))!.split('daemon=')[1])
    expect(events(run, 'spawn').map((e) => e.pid)).toContain(daemonPid)
    expect(stillRunning([daemonPid])).toEqual([])
  })

  test.each([
    ['exits at once', 'exit'],
    ['ends normally', 'end'],
  ])('nothing a child prints is lost when it prints 100,000 lines and %s', async (_, how) => {
    const run = await runProgram(fixture('flood.ts'), { args: ['100000', how] })
    expect(run.lines.length).toBe(100_001)
    expect(run.lines[99_999]).toBe('line 99999')
    expect(run.lines.every((line, i) => i === 100_000 || line === `line ${i}`)).toBe(true)
    expect(run.lines.at(-1)).toBe('done exitcode=0')
  })

  // Native: Linux's death signal; portable: the children's own watchdog (macOS's way), run here too.
  test.each(['native', 'portable'])('when the parent is killed with SIGKILL, every child (the warm spare and a manager too) exits within a second, even a busy one (%s paths)', async (mode) => {
    const env = { ...process.env, [PLATFORM_PATHS_ENV]: mode }
    const program = spawn(process.execPath, ['--import', 'tsx', fixture('killed-parent.ts')], { detached: true, stdio: ['ignore', 'pipe', 'inherit'], env })
    let children: number[] = []
    // Runs however the test ends, a timeout included (a finally would not).
    onTestFinished(() => killAll(program.pid!, children))
    for await (const line of createInterface({ input: program.stdout })) {
      children = line.split(' ').slice(1).map(Number)
      break
    }
    expect(children).toHaveLength(3)
    expect(stillRunning(children)).toHaveLength(3)
    const group = processGroupMembers(program.pid!).map((p) => p.pid)
    expect(group.length).toBeGreaterThan(4) // the program, its children, the manager's server and the spare
    program.kill('SIGKILL')
    const deadline = Date.now() + 1000
    while (stillRunning(group).length > 0 && Date.now() < deadline) await delay(20)
    expect(stillRunning(group)).toEqual([])
  })
})

describe('tracing', () => {
  test('PROCLAB_TRACE records spawn, start, exit and the parent blocking on join', async () => {
    const run = await runProgram(fixture('hello.ts'))
    const children = events(run, 'spawn').map((e) => e.pid)
    expect(children).toHaveLength(2)
    for (const pid of children) {
      const own = run.trace.filter((e) => e.pid === pid && e.event !== 'output').map((e) => e.event)
      expect(own).toEqual(['spawn', 'start', 'exit'])
    }
    const joins = run.trace.filter((e) => e.pid === run.pid && (e.event === 'block' || e.event === 'unblock'))
    expect(joins.map((e) => `${e.event} ${e.on}`)).toEqual(['block join Process-1', 'unblock join Process-1', 'block join Process-2', 'unblock join Process-2'])
    expect(events(run, 'exit').map((e) => e.exitCode)).toEqual([0, 0, 0])
    const [first] = events(run, 'spawn')
    expect(first).toMatchObject({ ppid: run.pid, name: 'Process-1', t: expect.any(Number) })
  })

  test('a worker thread that loads proclab writes no start or exit of its own', async () => {
    const run = await runProgram(fixture('thread-import.ts'))
    expect(run.lines).toEqual(['thread loaded proclab', 'main done'])
    const own = run.trace.filter((e) => e.pid === run.pid && e.event !== 'output').map((e) => e.event)
    expect(own).toEqual(['start', 'exit'])
  })

  test('every write to stdout or stderr is traced as `output` with the process (and worker thread) that wrote it', async () => {
    const run = await runProgram(fixture('hello.ts'))
    const [first, second] = events(run, 'spawn')
    const printed = events(run, 'output').map((e) => [e.pid, e.stream, e.text])
    expect(printed).toEqual([
      [first!.pid, 'stdout', expect.stringMatching(/^greet kurong 18 /)],
      [second!.pid, 'stdout', 'double 42 pid=' + second!.pid + ' ppid=' + run.pid + '\n'],
      [run.pid, 'stdout', expect.stringMatching(/^main pid=/)],
      [run.pid, 'stdout', expect.stringMatching(/^repr </)],
    ])
    const threaded = await runProgram(fixture('thread-import.ts'))
    const fromThread = events(threaded, 'output').find((e) => e.text === 'thread loaded proclab\n')
    expect(fromThread).toMatchObject({ pid: threaded.pid, thread: expect.any(Number) })
    expect(events(threaded, 'output').find((e) => e.text === 'main done\n')).not.toHaveProperty('thread')
  })

  test('an EOFError that recv() throws is traced as `raise` in the process that called it', async () => {
    const run = await runProgram(fixture('pipe-basic.ts'))
    expect(run.lines[0]).toBe('receiver said: url_0,url_1,url_2,url_3,url_4,url_5,url_6,url_7,url_8,url_9 then EOFError')
    // The receiver's loop ends on EOF; so does the main process's last recv(), after the echo child exited.
    const [receiver] = events(run, 'spawn')
    const eof = { error: 'EOFError', code: 'ERR_MP_EOF', on: expect.stringMatching(/^recv <Connection /) }
    expect(events(run, 'raise')).toEqual([expect.objectContaining({ ...eof, pid: receiver!.pid }), expect.objectContaining({ ...eof, pid: run.pid })])
  })

  test('terminate() and kill() are traced in the process that called them, and a child that signals itself traces neither', async () => {
    const run = await runProgram(fixture('signals-and-empty.ts'))
    expect(run.lines).toEqual(['exit codes -15 -9 -15, then Full Empty'])
    const pidOf = (name: string) => events(run, 'spawn').find((e) => e.name === name)!.pid
    const signals = run.trace.filter((e) => e.event === 'terminate' || e.event === 'kill')
    expect(signals).toEqual([
      expect.objectContaining({ pid: run.pid, event: 'terminate', target: pidOf('terminated'), child: 'terminated' }),
      expect.objectContaining({ pid: run.pid, event: 'kill', target: pidOf('killed'), child: 'killed' }),
    ])
  })

  test("a child's uncaught error is traced as `uncaught` with its name and message, and a report the child prints itself is not", async () => {
    const run = await runProgram(fixture('uncaught-and-fake.ts'))
    expect(run.lines).toEqual(['exit codes 1 1 1'])
    expect(run.stderr).toMatch(/^Process faker:$/m)
    const pidOf = (name: string) => events(run, 'spawn').find((e) => e.name === name)!.pid
    expect(events(run, 'uncaught').sort((a, b) => String(a.name).localeCompare(String(b.name)))).toEqual([
      expect.objectContaining({ pid: pidOf('rejecter'), name: 'rejecter', error: 'TypeError', message: 'not a number' }),
      expect.objectContaining({ pid: pidOf('thrower'), name: 'thrower', error: 'RangeError', message: 'out of range' }),
    ])
  })

  test('the Full and Empty that a queue throws are traced as `raise`, with the call that threw', async () => {
    const run = await runProgram(fixture('signals-and-empty.ts'))
    expect(events(run, 'raise')).toEqual([
      expect.objectContaining({ pid: run.pid, error: 'Full', on: 'putNowait Queue' }),
      expect.objectContaining({ pid: run.pid, error: 'Empty', on: 'getNowait Queue' }),
    ])
  })

  test("a pool's refusal of a shared object of this process is traced as `raise` in the process that made the call", async () => {
    const run = await runProgram(fixture('pool-refusal.ts'))
    expect(run.lines).toEqual(['refused: TypeError'])
    expect(events(run, 'raise')).toEqual([
      expect.objectContaining({ pid: run.pid, error: 'TypeError', code: 'ERR_MP_NOT_CLONEABLE', on: 'Pool.applyAsync()' }),
    ])
    // With its message, so a check can tell the program printed the error it was given.
    expect(events(run, 'raise')[0]!.message).toMatch(/^Pool\.applyAsync\(\) cannot send args\[0\]: it is a shared object of this process/)
  })

  test('a wait that an Event or a Barrier let through is traced as `pass`, whether it blocked or not, with the barrier position returned', async () => {
    const run = await runProgram(fixture('event-barrier-pass.ts'))
    const [child] = events(run, 'spawn')
    const passes = events(run, 'pass')
    const printed = (who: string) => Number(run.lines.find((line) => line.startsWith(`${who} passed as `))!.split(' ').pop())
    // The child's event wait finds the flag already set, so it never blocks; it is traced all the same.
    expect(passes.filter((e) => e.kind === 'Event').map((e) => e.pid).sort()).toEqual([run.pid, child!.pid].sort())
    expect(events(run, 'block').some((e) => e.on === 'event' && e.pid === child!.pid)).toBe(false)
    // The last party never blocks at the barrier; both passes are traced, with the positions the program got.
    const barrierPasses = passes.filter((e) => e.kind === 'Barrier')
    expect(barrierPasses.map((e) => [e.pid, e.position]).sort()).toEqual(
      [
        [run.pid, printed('main')],
        [child!.pid, printed('child')],
      ].sort(),
    )
  })

  test('a task handed to a pool is traced as `task-submit` in the process that handed it, before the task starts', async () => {
    const run = await runProgram(fixture('pool-submits.ts'))
    expect(run.lines).toEqual(['last: 8'])
    const submits = events(run, 'task-submit')
    expect(submits.map((e) => [e.pid, e.task])).toEqual([0, 1, 2, 3].map((task) => [run.pid, task]))
    const startOf = (task: number) => events(run, 'task-start').find((e) => e.task === task)!.t
    for (const submit of submits) expect(submit.t).toBeLessThan(startOf(Number(submit.task)))
    // The fourth was handed out only after the first three had ended: the trace shows an apply awaited.
    const lastEnd = Math.max(...events(run, 'task-end').filter((e) => Number(e.task) < 3).map((e) => e.t))
    expect(submits[3]!.t).toBeGreaterThan(lastEnd)
  })

  test('a pool task that throws has the name of its error on its task-end; one that returns has none', async () => {
    const run = await runProgram(fixture('pool-task-error.ts'))
    expect(run.lines).toEqual(['ok: 3', 'caught: RangeError'])
    expect(events(run, 'task-end').map((e) => [e.task, e.error])).toEqual([
      [0, undefined],
      [1, 'RangeError'],
    ])
  })

  test("a pool's join() is traced as a wait of kind join, which ends after its workers have exited", async () => {
    const run = await runProgram(fixture('pool-submits.ts'))
    const wait = (event: string) => events(run, event).find((e) => e.on === 'join pool' && e.pid === run.pid)
    expect(wait('block')).toMatchObject({ kind: 'join', pool: true })
    const workersGone = Math.max(...events(run, 'exit').filter((e) => e.pid !== run.pid).map((e) => e.t))
    expect(wait('unblock')!.t).toBeGreaterThan(workersGone)
  })

  test('a manager proxy method call is traced as `call` in the process that made it', async () => {
    const run = await runProgram(fixture('manager-calls.ts'))
    const [child] = events(run, 'spawn').filter((e) => e.name !== 'SyncManager-server')
    const sets = events(run, 'call').filter((e) => e.method === 'set')
    expect(sets.map((e) => [e.pid, e.typeid])).toEqual([
      [child!.pid, 'dict'],
      [run.pid, 'dict'],
    ])
    expect(JSON.parse(run.lines[0]!)).toEqual({ child: child!.pid, parent: run.pid })
  })

  test('the join proclab makes when the main code is done is traced `auto: true`; a join the program asks for is not', async () => {
    const automatic = await runProgram(fixture('no-join.ts'))
    expect(events(automatic, 'block').map((e) => [e.on, e.auto])).toEqual([['join Process-1', true]])
    expect(events(automatic, 'unblock').map((e) => e.auto)).toEqual([true])
    const asked = await runProgram(fixture('hello.ts'))
    expect(events(asked, 'block').some((e) => 'auto' in e)).toBe(false)
  })

  test("waits on a pool's own pipes are traced `internal: true`, in the main process and in the workers; the program's pipe waits are not", async () => {
    const pool = await runProgram(fixture('open-pool.ts'), { timeout: 15_000 })
    const pipeWaits = events(pool, 'block').filter((e) => e.kind === 'pipe')
    expect(pipeWaits.length).toBeGreaterThan(0)
    expect(pipeWaits.every((e) => e.internal === true)).toBe(true)
    expect(new Set(pipeWaits.map((e) => e.pid)).size).toBeGreaterThan(1)
    const own = await runProgram(fixture('waits.ts'))
    expect(events(own, 'block').some((e) => 'internal' in e)).toBe(false)
  })

  test('waiting on a queue or a pipe is traced as block/unblock with what is waited on', async () => {
    const run = await runProgram(fixture('waits.ts'))
    expect(run.lines).toEqual(['queued piped'])
    const waits = run.trace.filter((e) => e.pid === run.pid && (e.event === 'block' || e.event === 'unblock'))
    expect(waits.map((e) => `${e.event} ${e.kind} ${String(e.on).split(' ')[0]}`)).toEqual([
      'block queue get',
      'unblock queue get',
      'block pipe recv',
      'unblock pipe recv',
      'block join join',
      'unblock join join',
    ])
  })
})
