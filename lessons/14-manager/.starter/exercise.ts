// Lesson 14: share a dict, a list and a namespace between processes through a Manager.
// Run it:   npx proclab run 14      Check it: npx proclab check 14
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
  // TODO: store this child's pid in the shared dict, under its name: `await pids.set(name, process.pid)`.
  // TODO: add its name to the shared list: `await visitors.push(name)`.
  // TODO: read the parent's greeting from the namespace (`await board.get('greeting')`), then answer under
  //       this child's name: `await board.set(name, `${name} read: ${greeting}`)`.
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
  for (const child of children) await child.join()

  // TODO: the children are done. Now the parent writes too, in the same dict and list:
  //       `await pids.set(MAIN, process.pid)` and `await visitors.push(MAIN)`.

  console.log(`dict: ${JSON.stringify(await pids.toObject())}`)
  console.log(`list: ${JSON.stringify(await visitors.toArray())}`)
  console.log(`namespace: ${JSON.stringify(await board.toObject())}`)
}
