import { afterEach, beforeEach } from 'vitest'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { execa } from 'execa'
import { KNOWN_ANSWERS_ENV } from '../../src/dev/known-answers.ts'

/** The built CLI: the tests run what learners run. */
export const CLI = fileURLToPath(new URL('../../dist/main.js', import.meta.url))
const FIXTURE = fileURLToPath(new URL('../fixtures/course', import.meta.url))

/** The starter of the fake course's lesson 01, as shipped. */
export const STARTER_01 = "console.log('todo') // TODO: print done\n"
/** An exercise that passes lesson 01. */
export const SOLVED_01 = "console.log('done')\n"

/** A private copy of the fake course (test/fixtures/course), which tests may change at will. */
export interface Course {
  dir: string
  /** Runs `proclab …` in the course, in English unless `env` says otherwise; never rejects. */
  proclab(args: string[], options?: ProclabOptions): ReturnType<typeof runProclab>
  read(path: string): string
  write(path: string, text: string): void
  remove(): void
}

/**
 * Copies the fake course next to the tests (inside this repository, so that its lessons resolve
 * @proclab/harness and @proclab/core as real lessons do).
 */
export function copyCourse(): Course {
  const dir = mkdtempSync(fileURLToPath(new URL('../.course-', import.meta.url)))
  cpSync(FIXTURE, dir, { recursive: true })
  return {
    dir,
    proclab: (args, options = {}) => runProclab(dir, args, options),
    read: (path) => readFileSync(join(dir, path), 'utf8'),
    write: (path, text) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true })
      writeFileSync(join(dir, path), text)
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
}

/**
 * A fresh copy of the fake course for each test of the file: made before the test, removed after it
 * once no process started in it is left (a leftover fails the test, and is killed first).
 */
export function courseForEachTest(): Course {
  let current: Course | undefined
  beforeEach(() => {
    current = copyCourse()
  })
  afterEach(async () => {
    const course = current!
    current = undefined
    try {
      await expectNoProcessesIn(course.dir)
    } finally {
      course.remove()
    }
  })
  const now = (): Course => {
    if (!current) throw new Error('The fake course exists only while a test runs.')
    return current
  }
  return {
    get dir() {
      return now().dir
    },
    proclab: (args, options) => now().proclab(args, options),
    read: (path) => now().read(path),
    write: (path, text) => now().write(path, text),
    remove: () => now().remove(),
  }
}

/** How a test runs the CLI: from the course (or `cwd`), with stdin ignored unless it types commands. */
export interface ProclabOptions {
  cwd?: string
  env?: Record<string, string>
  stdin?: 'ignore' | 'pipe'
}

function runProclab(dir: string, args: string[], options: ProclabOptions) {
  return execa(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? dir,
    reject: false,
    stdin: options.stdin ?? 'ignore',
    // English and no colours, whatever the machine's locale and CI; dev check runs known mistakes
    // unless the test says otherwise (a CI step may switch them off for the course, not for these tests).
    env: { FORCE_COLOR: '0', PROCLAB_LANG: '', LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', CI: '', [KNOWN_ANSWERS_ENV]: '', ...options.env },
  })
}

/** Processes whose working directory is inside `dir`: the CLI, vitest and lesson programs started there. */
export function processesIn(dir: string): { pid: number; command: string }[] {
  const found: { pid: number; command: string }[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue
    try {
      const cwd = readlinkSync(`/proc/${entry}/cwd`)
      if (cwd !== dir && !cwd.startsWith(`${dir}/`)) continue
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      if (/^\S+ \(.*\) [ZX] /s.test(stat)) continue // a zombie is already dead
      found.push({ pid: Number(entry), command: readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim() })
    } catch {} // gone meanwhile, or not ours to read
  }
  return found
}

/** Waits until a process running `file` (a lesson's program) is up in `dir`. */
export async function waitForProgram(dir: string, file: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!processesIn(dir).some((p) => p.command.includes(file))) {
    if (Date.now() > deadline) throw new Error(`No process ran ${file} in ${dir} within ${timeoutMs} ms.`)
    await new Promise((done) => setTimeout(done, 100))
  }
}

/**
 * Fails if any process is still running in `dir` after a grace period (programs and vitest take a
 * moment to stop), killing the leftovers first so that one failure leaks nothing into the next test.
 */
export async function expectNoProcessesIn(dir: string, graceMs = 5000): Promise<void> {
  const deadline = Date.now() + graceMs
  let left = processesIn(dir)
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 100))
    left = processesIn(dir)
  }
  for (const { pid } of left) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {}
  }
  if (left.length > 0) throw new Error(`Processes left running in ${dir}:\n${left.map((p) => `  ${p.pid} ${p.command}`).join('\n')}`)
}
