import { describe, test } from 'vitest'
import { expectProgram, runExercise } from '@proclab/harness'

const run = await runExercise(import.meta.url, {
  // The solution ends in about a second; a heartbeat that loops forever without being a daemon never ends.
  timeout: 15_000,
  leakHint:
    'The heartbeat was still running after the program had exited: a daemon child must end with its parent. ' +
    "Create it with `new mp.Process({ target: heartbeat, name: 'heartbeat', daemon: true })` and let proclab stop it.",
})
const program = expectProgram(run)

// `heartbeat pid=<pid> daemon=<flag>`, printed by the parent right after start().
function heartbeatLine(): { pid: number; printedDaemon: boolean } {
  const [, pid, daemon] = program.line(/^heartbeat pid=(\d+) daemon=(true|false)$/, 'The parent should still print `heartbeat pid=… daemon=…` after starting the heartbeat.')
  return { pid: Number(pid), printedDaemon: daemon === 'true' }
}

describe('lesson 06: daemon children', () => {
  test('the program exits normally', () => {
    program.exitCode(0, 'The program should finish without an error.')
  })

  test('the non-daemon worker finished its work before the parent ended', () => {
    program.before(
      /^worker done$/,
      /^parent done$/,
      "The worker should print `worker done` before the parent's `parent done`. The worker is not a daemon: leave it as it " +
        'is, and keep `await worker.join()` before the last line. Only the heartbeat becomes a daemon.',
    )
  })

  test('the heartbeat was started as a daemon', () => {
    const { pid, printedDaemon } = heartbeatLine()
    const spawn = run.trace.find((e) => e.event === 'spawn' && e.pid === pid)
    program.that(spawn !== undefined, 'The trace has no record of the heartbeat being started: start it with `pulse.start()`.', {
      expected: `a spawn event for pid ${pid}`,
      found: 'none',
    })
    // The trace records the flag the child was really started with; the printed flag is the fallback.
    const daemon = typeof spawn!.daemon === 'boolean' ? spawn!.daemon : printedDaemon
    program.that(
      daemon,
      "The heartbeat was started as an ordinary (non-daemon) child, so the program had to wait for it. Pass `daemon: true` when you create it: `new mp.Process({ target: heartbeat, name: 'heartbeat', daemon: true })`.",
      { expected: 'daemon=true', found: 'daemon=false' },
    )
  })

  test('the heartbeat ended with the parent instead of running on by itself', () => {
    const { pid } = heartbeatLine()
    const hint =
      "The heartbeat ran on after `parent done` until it stopped by itself: the program waited for it, as it waits for every non-daemon child. " +
      'A daemon is never waited for: it is terminated as its parent exits. Make it a daemon, then remove its 30-beat limit.'
    program.count(/^heartbeat stopped by itself/, 0, hint)
    // The parent records a child's exit only while it is still there to see it: an exit code 0 here means it waited.
    const ownEnd = run.trace.find((e) => e.event === 'exit' && e.pid === pid && e.exitCode === 0)
    program.that(ownEnd === undefined, hint, { expected: 'no exit code 0 for the heartbeat in the trace', found: 'the heartbeat exited with code 0 while the parent waited' })
  })
})
