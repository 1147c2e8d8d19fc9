/**
 * Start-up cost of one child process, side by side: proclab (a TypeScript target), a bare
 * child_process.fork of a .js file and of a .ts file through tsx, and Python's multiprocessing with
 * spawn and fork. Every child says it is running the same way: one byte on a Unix socket.
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as mp from '@proclab/core'
import { median, ms, percentile } from './stats.ts'
import { ping, pingAndIdle } from './targets/ping.ts'
import { runPython } from './python.ts'

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url))
const WARMUP = 2

/** Figures for one way of starting a child: start → first message, and start → exited and joined. */
export interface StartupFigures {
  label: string
  first: number[]
  join: number[]
}

interface Child {
  exited: Promise<unknown>
}

/** A Unix socket server that hands out each connection's first byte, in order. */
class FirstMessages {
  readonly path = join(mkdtempSync(join(tmpdir(), 'proclab-bench-')), 's')
  readonly #server: Server
  readonly #waiting: ((socket: Socket) => void)[] = []
  constructor() {
    this.#server = createServer((socket) => socket.once('data', () => this.#waiting.shift()?.(socket)))
  }
  async listen(): Promise<void> {
    this.#server.listen(this.path)
    await once(this.#server, 'listening')
  }
  next(): Promise<Socket> {
    return new Promise((resolve) => this.#waiting.push(resolve))
  }
  close(): void {
    this.#server.close()
  }
}

async function measure(label: string, runs: number, messages: FirstMessages, start: () => Child): Promise<StartupFigures> {
  const figures: StartupFigures = { label, first: [], join: [] }
  for (let i = 0; i < runs + WARMUP; i++) {
    const arrived = messages.next()
    const t0 = performance.now()
    const child = start()
    const socket = await arrived
    const t1 = performance.now()
    await child.exited
    const t2 = performance.now()
    socket.destroy()
    if (i >= WARMUP) {
      figures.first.push(t1 - t0)
      figures.join.push(t2 - t0)
    }
  }
  return figures
}

function forked(child: ChildProcess): Child {
  return { exited: once(child, 'exit') }
}

function proclabChild(socketPath: string): Child {
  const p = new mp.Process({ target: ping, args: [socketPath] })
  p.start()
  return { exited: p.join() }
}

/** The first child of a fresh program, so each run pays everything once: one program per run. */
function coldProclab(runs: number): StartupFigures {
  const figures: StartupFigures = { label: 'proclab Process, first start (cold)', first: [], join: [] }
  for (let i = 0; i < runs + WARMUP; i++) {
    const output = execFileSync(process.execPath, ['--import', 'tsx', here('./targets/first-child.ts')], { encoding: 'utf8' })
    const { first, join } = JSON.parse(output) as { first: number; join: number }
    if (i >= WARMUP) {
      figures.first.push(first)
      figures.join.push(join)
    }
  }
  return figures
}

/** Resident memory of a child, in MiB (Linux /proc), once start-up garbage has settled. */
async function residentMiB(pid: number | undefined): Promise<number | undefined> {
  await mp.sleep(200)
  try {
    return Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)![1]) / 1024
  } catch {
    return undefined // not Linux
  }
}

/** Idle resident memory of a proclab child, and of a bare Node child (the floor), in MiB. */
export interface IdleRss {
  proclab: number | undefined
  bareNode: number | undefined
}

async function idleRss(messages: FirstMessages): Promise<IdleRss> {
  let arrived = messages.next()
  const p = new mp.Process({ target: pingAndIdle, args: [messages.path] })
  p.start()
  let socket = await arrived
  const proclab = await residentMiB(p.pid)
  socket.end()
  await p.join()
  arrived = messages.next()
  const bare = fork(here('./targets/idle.mjs'), [messages.path], { execArgv: [] })
  socket = await arrived
  const bareNode = await residentMiB(bare.pid)
  socket.end()
  await once(bare, 'exit')
  return { proclab, bareNode }
}

/** Runs every variant `runs` times and returns their rows, plus the idle RSS of a proclab child and of a bare one. */
export async function startupBenchmark(runs: number): Promise<{ rows: StartupFigures[]; rss: IdleRss }> {
  const messages = new FirstMessages()
  await messages.listen()
  const tsx = ['--import', 'tsx']
  const rows = [
    coldProclab(runs),
    await measure('proclab Process, later starts (warm spare)', runs, messages, () => proclabChild(messages.path)),
    await measure('child_process.fork, .mjs child', runs, messages, () => forked(fork(here('./targets/ping.mjs'), [messages.path], { execArgv: [] }))),
    await measure('child_process.fork, .ts child via tsx', runs, messages, () => forked(fork(here('./targets/ping-fork.ts'), [messages.path], { execArgv: tsx }))),
  ]
  const rss = await idleRss(messages)
  messages.close()
  const python = runPython<{ version: string; spawn: { first: number[]; join: number[] }; fork: { first: number[]; join: number[] } }>('startup.py', [String(runs)])
  if (python) {
    rows.push({ label: `Python ${python.version} multiprocessing, spawn`, ...python.spawn })
    rows.push({ label: `Python ${python.version} multiprocessing, fork`, ...python.fork })
  }
  return { rows, rss }
}

/** One table row: medians and 90th percentiles in ms. */
export function startupRow(f: StartupFigures): string[] {
  return [f.label, ms(median(f.first)), ms(percentile(f.first, 90)), ms(median(f.join)), ms(percentile(f.join, 90))]
}
