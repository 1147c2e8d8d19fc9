import { availableParallelism } from 'node:os'

/**
 * The number of CPUs this process may use, as Python's `cpu_count()`: the default size of a pool.
 * @example new mp.Pool(mp.cpuCount())
 */
export function cpuCount(): number {
  return availableParallelism()
}
