import { withCode } from '../errors.ts'
import { prepareForChild, reviveShared, SHARED, type SharedObject } from '../reduction.ts'
import { BUILTIN_FACTORIES } from './builtins.ts'
import { OBJECT_REF } from './server.ts'

/**
 * What a proxy call sends and receives. Its arguments are checked where the call is made, so a value
 * that cannot cross rejects that call, naming its path, as a local call would. Proxies inside them
 * cross as handles, which the server keeps as they are: a `manager.list()` stored in a
 * `manager.dict()` comes back as a proxy to the same list (Python's nested proxies).
 */

/** The public name of a proxy method, for messages: `list.push()`, or `getTaskQueue().put()` for a registered typeid. */
export function proxyMethodName(typeid: string, method: string): string {
  return `${BUILTIN_FACTORIES.has(typeid) ? typeid : `${typeid}()`}.${method}()`
}

/**
 * A proxy call's arguments as they cross to the server. `sameServer` gives the id of a proxy of the
 * server being called; on `create`, such a proxy given directly as an argument arrives as the object
 * itself (a Condition's lock).
 * @throws TypeError naming the path of a value that cannot cross.
 */
export function argumentsToServer(args: unknown[], api: string, sameServer: (value: unknown) => string | undefined, asObjects: boolean): unknown[] {
  const direct = asObjects ? args.map((arg) => withId(arg, sameServer(arg))) : args
  return prepareForChild(direct, 'args', api, 'the arguments', refuseLocalObject(api)).value as unknown[]
}

/** A call's result, with the proxies inside it rebuilt. */
export function resultFromServer(value: unknown): unknown {
  return reviveShared(value)
}

function withId(arg: unknown, id: string | undefined): unknown {
  return id === undefined ? arg : { [OBJECT_REF]: id }
}

// Thrown when a queue, pipe end or lock of this process is passed to a manager: the server cannot reach it.
function refuseLocalObject(api: string): (object: SharedObject, path: string) => void {
  return (object, path) => {
    if (object[SHARED].travels) return
    throw withCode(
      new TypeError(
        `${api} cannot send the arguments: ${path} is a shared object of this process (a queue, pipe end or lock), ` +
          `which a manager's server cannot reach. Make it with the manager instead (manager.Queue(), manager.Lock()…) and pass that proxy.`,
      ),
      'ERR_MP_NOT_CLONEABLE',
    )
  }
}
