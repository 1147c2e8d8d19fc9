import { constants } from 'node:os'

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']

/**
 * Runs `work` with a signal that Ctrl-C (SIGINT), SIGTERM or SIGHUP aborts, so that a command stops its
 * checks and every process they started; then `exitCode` is 128 + the signal's number, as a shell
 * expects. The default action is not enough: execa's cleanup handler (signal-exit) re-raises a signal
 * only when its count of listeners adds up, which depends on what else runs at that moment.
 */
export async function interruptible<T>(work: (signal: AbortSignal) => Promise<T>): Promise<{ value: T; exitCode?: number }> {
  const controller = new AbortController()
  let exitCode: number | undefined
  const onSignal = (signal: NodeJS.Signals) => {
    exitCode ??= 128 + constants.signals[signal]
    controller.abort()
  }
  for (const signal of SIGNALS) process.on(signal, onSignal)
  try {
    const value = await work(controller.signal)
    return exitCode === undefined ? { value } : { value, exitCode }
  } finally {
    for (const signal of SIGNALS) process.off(signal, onSignal)
  }
}
