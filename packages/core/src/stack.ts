import { sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/**
 * Stacks that start where the learner called proclab. An error built inside proclab would otherwise
 * show only proclab's own frames (ten of them, the default limit, all inside dist/), and never the
 * learner's line that caused it.
 */

/** Frames captured before trimming: enough to reach past proclab's own. */
const CAPTURE_LIMIT = 100

const here = fileURLToPath(import.meta.url)
const packageRoot = here.slice(0, Math.max(here.lastIndexOf(`${sep}dist${sep}`), here.lastIndexOf(`${sep}src${sep}`)) + 1)
/** proclab's own code, as a frame names it: a path, or a file URL. */
const OWN_CODE = ['src', 'dist'].flatMap((dir) => [`${packageRoot}${dir}${sep}`, `${pathToFileURL(packageRoot + dir).href}/`])

function isInternal(frame: string): boolean {
  return frame.includes('node:internal') || OWN_CODE.some((prefix) => frame.includes(prefix))
}

/**
 * Replaces `error`'s stack by one captured afresh, without proclab's frames and Node's internals, and
 * with as many frames as `Error.stackTraceLimit` allows. If nothing would be left, the frames stay as
 * they were. The stack is built when first read, so an error nobody prints costs only the capture.
 * @param above Frames above this function (and it) are left out, as with `Error.captureStackTrace`.
 */
export function trimStack<E extends Error>(error: E, above: Function): E {
  const limit = Error.stackTraceLimit
  if (packageRoot === '' || !(limit > 0)) return error
  const holder: { stack?: string } = {}
  Error.stackTraceLimit = Math.max(limit, CAPTURE_LIMIT)
  Error.captureStackTrace(holder, above)
  Error.stackTraceLimit = limit
  const settle = (value: unknown) => Object.defineProperty(error, 'stack', { value, writable: true, configurable: true, enumerable: false })
  Object.defineProperty(error, 'stack', {
    configurable: true,
    enumerable: false,
    get() {
      const frames = (holder.stack ?? '').split('\n').slice(1)
      const outside = frames.filter((frame) => !isInternal(frame))
      const header = error.message ? `${error.name}: ${error.message}` : error.name
      const stack = [header, ...(outside.length > 0 ? outside : frames).slice(0, limit)].join('\n')
      settle(stack)
      return stack
    },
    set: settle,
  })
  return error
}
