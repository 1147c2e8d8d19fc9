import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/**
 * Runs one of the Python comparison scripts in bench/python/ and parses the JSON it prints, or returns
 * `undefined` (and says so) where python3 is not installed.
 */
export function runPython<T>(script: string, args: string[]): T | undefined {
  try {
    const output = execFileSync('python3', [fileURLToPath(new URL(`./python/${script}`, import.meta.url)), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
    return JSON.parse(output) as T
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      console.log(`(python3 not found: Python's figures are skipped)`)
      return undefined
    }
    throw error
  }
}
