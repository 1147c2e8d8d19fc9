import { inspect } from 'node:util'
import { isImportingTarget } from './spawn/child-flag.ts'
import { childExited, childStarted, END_SURELY, JOIN_AT_EXIT, WAIT_AT_EXIT } from './children.ts'
import { currentProcess, nextChildIdentity, type ProcessInfo } from './current.ts'
import { StateError, withCode } from './errors.ts'
import { Popen } from './spawn/popen.ts'
import type { StartMessage } from './transport/index.ts'
import { prepareForChild, SHARED, type SharedObject } from './reduction.ts'
import { pause, pauseSync, seeded } from './schedule.ts'
import { signalName } from './spawn/signals.ts'
import { assertCallable, locateExport } from './spawn/targets.ts'
import { trace, traceWait } from './trace.ts'
import { settledWithin, validTimeout } from './timeouts.ts'

/** Options of a {@link Process}, as Python's `Process(target=, args=, name=, daemon=)`. */
export interface ProcessOptions<Args extends unknown[] = unknown[]> {
  /** An exported top-level function to run in the child. The child re-imports its module to find it. */
  target?: (...args: Args) => unknown
  /** Arguments for `target`, copied into the child by structured clone. */
  args?: Args
  /** Default: `Process-N` (or `<Subclass>-N`), `Process-1:N` for a child's children. */
  name?: string
  /** A daemon child is terminated when its parent exits; a non-daemon child is waited for. */
  daemon?: boolean
}

interface ProcessState {
  name: string
  daemon: boolean
  identity: number[]
  target: ((...args: unknown[]) => unknown) | undefined
  args: unknown[]
  popen: Popen | undefined
  parentPid: number
  closed: boolean
  /** True for the object that stands for the process this code runs in (inside a child). */
  isCurrent: boolean
}

const STATE = Symbol('proclab.process')

/**
 * A real OS child process that runs `target(...args)` (or your subclass's `run()`), like Python's
 * `multiprocessing.Process`. The child has its own pid and memory; it re-imports the module that
 * defines the target, so targets must be exported and code under `isMain(import.meta)` does not re-run.
 * @example
 * export function greet(name: string) { console.log(`hello ${name} from ${process.pid}`) }
 * if (mp.isMain(import.meta)) {
 *   const p = new mp.Process({ target: greet, args: ['ada'] })
 *   p.start()
 *   await p.join()
 * }
 */
export class Process implements ProcessInfo {
  declare private readonly [STATE]: ProcessState

  constructor(options: ProcessOptions<any> = {}) {
    const { target, args = [], name, daemon } = options
    if (target !== undefined && typeof target !== 'function') {
      throw withCode(new TypeError(`new Process() expects \`target\` to be a function, got ${inspect(target)}.`), 'ERR_MP_INVALID_ARG')
    }
    if (!Array.isArray(args)) {
      throw withCode(new TypeError(`new Process() expects \`args\` to be an array of arguments for the target, got ${inspect(args)}.`), 'ERR_MP_INVALID_ARG')
    }
    const identity = nextChildIdentity()
    const state: ProcessState = {
      name: '',
      daemon: daemon ?? currentProcess().daemon,
      identity,
      target,
      args,
      popen: undefined,
      parentPid: process.pid,
      closed: false,
      isCurrent: false,
    }
    Object.defineProperty(this, STATE, { value: state, enumerable: false })
    this.name = name ?? `${new.target.name}-${identity.join(':')}`
  }

  /** The name, used in messages and traces. */
  get name(): string {
    return this[STATE].name
  }
  set name(value: string) {
    if (typeof value !== 'string') throw withCode(new TypeError(`Process.name must be a string, got ${inspect(value)}.`), 'ERR_MP_INVALID_ARG')
    this[STATE].name = value
  }

  /** Whether the child is terminated when its parent exits. Set it before `start()`. */
  get daemon(): boolean {
    return this[STATE].daemon
  }
  set daemon(value: boolean) {
    if (this[STATE].popen) throw new StateError(`Process.daemon cannot be changed on ${this.name}: it has already started. Set daemon before start().`)
    this[STATE].daemon = Boolean(value)
  }

  /** The child's pid once started; `undefined` before. */
  get pid(): number | undefined {
    const state = this[STATE]
    return state.isCurrent ? process.pid : state.popen?.pid
  }

  /** Python's `ident`: the same as `pid`. */
  get ident(): number | undefined {
    return this.pid
  }

  /** Python's `_identity`: `[1]` for Process-1, `[1, 2]` for its second child. */
  get identity(): readonly number[] {
    return this[STATE].identity
  }

  /** `null` while running (or not started); 0 ok; 1 uncaught error; n for `process.exit(n)`; `-N` if killed by signal N. */
  get exitCode(): number | null {
    return this[STATE].popen?.exitCode ?? null
  }

  /**
   * Starts the child now; `pid` is set when this returns. Throws if called twice, if the target is
   * not exported, or if an argument cannot be copied into another process.
   */
  start(): void {
    if (seeded) pauseSync()
    const state = this.#usable('start')
    if (state.popen) throw new StateError(`Process.start() cannot start ${this.name} twice: a process object runs once. Create a new Process to run the target again.`)
    if (state.isCurrent) throw new StateError(`Process.start() cannot start ${this.name} from inside itself.`)
    if (isImportingTarget()) throw startedWhileImporting(this.name)
    if (currentProcess().daemon) throw new StateError(`Process.start() cannot start ${this.name}: daemon processes may not have children (as in Python), because they are terminated without waiting for them.`)
    let shared: SharedObject[] = []
    const popen = new Popen((pid) => {
      const prepared = this.#startMessage(state)
      shared = prepared.shared
      // Before the message goes: a warm spare could otherwise trace its `start` first.
      trace('spawn', { daemon: state.daemon }, { pid, ppid: process.pid, name: state.name })
      return prepared.message
    })
    for (const object of shared) object[SHARED].sentToChild?.(popen.pid, popen.exited)
    state.popen = popen
    // Only a join keeps this process alive; at the end of the main code, exitChildren() decides.
    popen.keepsParentAlive(false)
    childStarted(this)
    void popen.exited.then((exitCode) => {
      childExited(this)
      trace('exit', { exitCode }, this.#subject())
    })
  }

  /**
   * Waits until the child exits, or until `timeout` ms have passed (then `exitCode` is still `null`).
   * @example await p.join(1000); if (p.exitCode === null) p.terminate()
   */
  join(timeout?: number): Promise<void> {
    return this.#join(timeout, false)
  }

  /** @internal The join at exit (see `children.ts`), traced as automatic. */
  [JOIN_AT_EXIT](): Promise<void> {
    return this.#join(undefined, true)
  }

  async #join(timeout: number | undefined, auto: boolean): Promise<void> {
    if (seeded) await pause()
    const state = this.#usable('join')
    const ms = validTimeout(timeout, 'Process.join()')
    if (state.isCurrent) throw new StateError(`Process.join() cannot wait for ${this.name} from inside itself: it would wait forever.`)
    const popen = state.popen
    if (!popen) throw new StateError(`Process.join() cannot wait for ${this.name}: it was never started. Call start() first.`)
    const traced = { kind: 'join', target: popen.pid, ...(auto ? { auto: true } : {}) }
    // A join of a child that has already exited returns at once, and is traced all the same: a check of
    // "the program joined each child" must not depend on whether the child was quicker than the join.
    if (popen.exitCode !== null) {
      if (!auto) await traceWait(`join ${this.name}`, traced, Promise.resolve())
      return
    }
    // Waiting must keep this process alive, or Node would exit mid-join.
    popen.keepsParentAlive(true)
    try {
      await traceWait(`join ${this.name}`, traced, settledWithin(popen.exited, ms))
    } finally {
      popen.keepsParentAlive(false)
    }
  }

  /** Whether the child has started and not yet exited. */
  isAlive(): boolean {
    const state = this.#usable('isAlive')
    return state.isCurrent || (state.popen !== undefined && state.popen.exitCode === null)
  }

  /** Sends SIGTERM; after it the exit code is -15 (unless the child handles the signal). */
  terminate(): void {
    this.#signalled('terminate')?.terminate()
  }

  /** Sends SIGKILL; after it the exit code is -9. */
  kill(): void {
    this.#signalled('kill')?.kill()
  }

  /**
   * The child's handle for `terminate()` or `kill()`, once the call is traced in the calling process
   * (`target`: the child's pid, `child`: its name), so a check can tell a child stopped by its parent
   * from one that signalled itself.
   */
  #signalled(api: 'terminate' | 'kill') {
    const state = this.#usable(api)
    if (state.popen) trace(api, { target: state.popen.pid, child: state.name })
    return state.popen
  }

  /** @internal SIGTERM, then SIGKILL if the child still runs after a grace period (see children.ts). */
  [END_SURELY](): void {
    this[STATE].popen?.end()
  }

  /** @internal The join of a process that is exiting: blocks until the child has exited (see children.ts). */
  [WAIT_AT_EXIT](): void {
    this[STATE].popen?.waitSync()
  }

  /** Releases the process object. Throws `StateError` if the child is still running; later calls except `close()` throw. */
  close(): void {
    const state = this[STATE]
    if (state.popen && state.popen.exitCode === null) {
      throw new StateError(`Process.close() cannot release ${this.name}: it is still running. Call join() (or terminate()) first.`)
    }
    state.closed = true
  }

  /** What the child does: calls `target(...args)`. Override it in a subclass (it may be async). */
  run(): unknown {
    const { target, args } = this[STATE]
    return target?.(...args)
  }

  /** Like Python's repr: `<Process name='Process-1' pid=4242 parent=4200 stopped exitcode=0>`. */
  toString(): string {
    const state = this[STATE]
    const exitCode = this.exitCode
    const status = state.isCurrent ? 'started' : state.closed ? 'closed' : !state.popen ? 'initial' : exitCode === null ? 'started' : 'stopped'
    const parts = [this.constructor.name, `name='${state.name}'`]
    if (this.pid !== undefined) parts.push(`pid=${this.pid}`)
    parts.push(`parent=${state.parentPid}`, status)
    if (exitCode !== null && !state.isCurrent) parts.push(`exitcode=${exitCodeName(exitCode)}`)
    if (state.daemon) parts.push('daemon')
    return `<${parts.join(' ')}>`
  }

  [inspect.custom](): string {
    return this.toString()
  }

  /** What the child needs to become this process; throws if the target or a value cannot reach it. */
  #startMessage(state: ProcessState): { message: StartMessage; shared: SharedObject[] } {
    const processClass = isSubclass(this) ? locateExport(this.constructor as (...args: unknown[]) => unknown, 'Process.start()', 'Process subclass') : null
    if (state.target) assertCallable(state.target, 'Process.start()', 'target')
    const target = state.target ? locateExport(state.target, 'Process.start()', 'target') : null
    const args = prepareForChild(state.args, 'args', 'Process.start()')
    const fields = prepareForChild({ ...this }, 'this', 'Process.start()', "the process object's fields")
    const message: StartMessage = {
      kind: 'start',
      target,
      processClass,
      args: args.value as unknown[],
      fields: fields.value as Record<string, unknown>,
      hasShared: args.shared.length + fields.shared.length > 0,
      name: state.name,
      identity: state.identity,
      daemon: state.daemon,
      parent: { name: currentProcess().name, pid: process.pid },
      env: process.env,
      cwd: process.cwd(),
    }
    return { message, shared: [...args.shared, ...fields.shared] }
  }

  #usable(api: string): ProcessState {
    const state = this[STATE]
    if (state.closed) throw new StateError(`Process.${api}() cannot be used on ${state.name}: the process object is closed.`)
    return state
  }

  #subject() {
    return { pid: this.pid!, ppid: process.pid, name: this.name }
  }
}

// Thrown when module-level code of a re-imported module starts a process: without the guard, every child would start another.
function startedWhileImporting(name: string): StateError {
  return new StateError(
    `Process.start() was called while this child process (${currentProcess().name}) was still importing its ` +
      `target's module, so ${name} was not started. A child re-imports the module that defines its target; code ` +
      `that starts processes at the top level of that module would run again in every child and start children ` +
      `forever. Put it inside \`if (mp.isMain(import.meta)) { … }\`, Python's \`if __name__ == '__main__':\`.`,
  )
}

/** Whether `process` is an instance of a subclass, which the child must rebuild. (Outside the class body: a class that names itself inside its body gets renamed by the bundler.) */
function isSubclass(process: Process): boolean {
  return process.constructor !== Process
}

/** `-15` → `-SIGTERM`, as Python's repr shows it. */
function exitCodeName(code: number): string {
  if (code >= 0) return String(code)
  const name = signalName(-code)
  return name ? `-${name}` : String(code)
}

/** Resolves with the exit code once `process` (started) has exited, without keeping this process alive as join() does. */
export function whenExited(process: Process): Promise<number> {
  const popen = process[STATE].popen
  if (!popen) throw new StateError(`${process.name} was never started.`)
  return popen.exited
}

/** In the child: rebuilds the `Process` object the parent started, without running its constructor (as unpickling does). */
export function processInChild(message: StartMessage, processClass: typeof Process | null, target: ((...args: unknown[]) => unknown) | undefined): Process {
  const instance: Process = Object.create((processClass ?? Process).prototype)
  const state: ProcessState = {
    name: message.name,
    daemon: message.daemon,
    identity: message.identity,
    target,
    args: message.args,
    popen: undefined,
    parentPid: message.parent.pid,
    closed: false,
    isCurrent: true,
  }
  Object.defineProperty(instance, STATE, { value: state, enumerable: false })
  return Object.assign(instance, message.fields)
}
