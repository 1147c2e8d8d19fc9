import { createRequire } from 'node:module'
import type { Session } from 'node:inspector'

/**
 * Where a function was defined, asked of V8 through the in-process inspector (core locates a Pool's
 * targets the same way; a stack trace at the call site would name the caller's module instead). The
 * session answers synchronously on this thread and is opened only when a target is first located.
 */

let session: Session | undefined
/** Script URLs by id, from the debugger; filled only once coverage has failed to name a script. */
let scripts: Map<string, string> | undefined
const PROBE = Symbol.for('proclab.cluster.locate')

/** The URL (or path, for some runners) of the script that defines `fn`; `undefined` for built-ins. */
export function definingScript(fn: Function): string | undefined {
  session ??= connect()
  const scriptId = functionScriptId(session, fn)
  if (scriptId === undefined) return undefined
  // Coverage names the scripts that have run, cheaply; V8 may have dropped a script's entry since (after
  // a garbage collection), and then the debugger, enabled once, lists every script.
  const coverage = post<{ result: { scriptId: string; url: string }[] }>(session, 'Profiler.getBestEffortCoverage')
  return coverage.result.find((script) => script.scriptId === scriptId)?.url || debuggerScripts(session).get(scriptId) || undefined
}

function debuggerScripts(inspector: Session): Map<string, string> {
  if (scripts) return scripts
  const known = new Map<string, string>()
  inspector.on('Debugger.scriptParsed', ({ params }) => known.set(params.scriptId, params.url))
  post(inspector, 'Debugger.enable')
  return (scripts = known)
}

function connect(): Session {
  const { Session } = createRequire(import.meta.url)('node:inspector') as typeof import('node:inspector')
  const opened = new Session()
  opened.connect()
  post(opened, 'Profiler.enable')
  return opened
}

function functionScriptId(inspector: Session, fn: Function): string | undefined {
  const global = globalThis as Record<symbol, unknown>
  global[PROBE] = fn
  try {
    const { result } = post<{ result: { objectId?: string } }>(inspector, 'Runtime.evaluate', { expression: `globalThis[Symbol.for('proclab.cluster.locate')]` })
    if (!result.objectId) return undefined
    const { internalProperties = [] } = post<{ internalProperties?: { name: string; value?: { value?: { scriptId?: string } } }[] }>(
      inspector,
      'Runtime.getProperties',
      { objectId: result.objectId, ownProperties: true },
    )
    post(inspector, 'Runtime.releaseObject', { objectId: result.objectId })
    return internalProperties.find((p) => p.name === '[[FunctionLocation]]')?.value?.value?.scriptId
  } finally {
    delete global[PROBE]
  }
}

/** `session.post` answers synchronously for an in-process session: unwrap its callback. */
function post<T = unknown>(inspector: Session, method: string, params?: object): T {
  let outcome: { error: Error | null; result: T } | undefined
  inspector.post(method, params ?? {}, (error, result) => (outcome = { error, result: result as T }))
  if (!outcome) throw new Error(`The inspector did not answer ${method} synchronously.`)
  if (outcome.error) throw outcome.error
  return outcome.result
}
