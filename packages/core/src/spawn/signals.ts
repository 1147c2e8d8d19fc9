import { constants } from 'node:os'

/** Signal names and numbers, both ways: a child killed by signal N has exit code -N, as in Python. */

/** `15` → `'SIGTERM'`; `undefined` for a number that names no signal here. */
export function signalName(signal: number): string | undefined {
  return Object.entries(constants.signals).find(([, number]) => number === signal)?.[0]
}

/** The exit code of a child that ended by `signal`: minus its number (`-1` for one unknown here). */
export function exitCodeOfSignal(signal: NodeJS.Signals): number {
  return -(constants.signals[signal] ?? 1)
}
