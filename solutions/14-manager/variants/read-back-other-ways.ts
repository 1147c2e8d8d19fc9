// Variant: the children read the namespace with toObject(), the parent reads the dict with entries() and the list item by item
import * as mp from '@proclab/core'

/** The two children, by name. */
export const CHILDREN = ['laoniao', 'ruhua']
/** The name the parent writes under. */
export const MAIN = 'main'
/** What the parent puts in the namespace before the children start. */
export const GREETING = 'hello from main'

// Runs in each child. The three proxies arrived in args, still connected to the manager's objects.
export async function visit(
  name: string,
  pids: mp.DictProxy<string, number>,
  visitors: mp.ListProxy<string>,
  board: mp.NamespaceProxy,
): Promise<void> {
  console.log(`child ${name} pid=${process.pid}`)
  // Each call is a message to the manager's server, which changes its one real dict: the parent and the
  // other child see this entry too. Awaiting it means the server has stored it before the child goes on
  // (and before the child exits: an unawaited call may never be sent).
  await pids.set(name, process.pid)
  await visitors.push(name)
  // get() brings back a copy of what the parent set; set() writes a new name that everyone can read.
  // The whole namespace read back at once, then the answer written.
  const { greeting } = (await board.toObject()) as { greeting: string }
  await board.set(name, `${name} read: ${greeting}`)
}

if (mp.isMain(import.meta)) {
  console.log(`main pid=${process.pid}`)
  // The manager is a process of its own that keeps the objects; `await using` shuts it down when this
  // block ends, like Python's `with Manager() as manager:`.
  await using manager = await mp.Manager()
  for (const server of mp.activeChildren()) console.log(`manager: its objects live in ${server.name} pid=${server.pid}`)
  const pids = await manager.dict<string, number>()
  const visitors = await manager.list<string>()
  const board = await manager.Namespace()
  await board.set('greeting', GREETING)

  const children = CHILDREN.map((name) => new mp.Process({ target: visit, args: [name, pids, visitors, board], name }))
  for (const child of children) child.start()
  // After the joins both children have finished, and every call they awaited has reached the server.
  for (const child of children) await child.join()

  // The parent writes into the same dict and list, through its own proxies.
  await pids.set(MAIN, process.pid)
  await visitors.push(MAIN)

  // toObject() and toArray() bring back copies of the whole objects, to print.
  // entries() and a loop of get(i) read the same objects back another way.
  console.log(`dict: ${JSON.stringify(Object.fromEntries(await pids.entries()))}`)
  const names: string[] = []
  for (let i = 0; i < 3; i++) names.push(await visitors.get(i))
  console.log(`list: ${JSON.stringify(names)}`)
  console.log(`namespace: ${JSON.stringify(await board.toObject())}`)
}
