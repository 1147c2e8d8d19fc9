// A whole program that starts one proclab child and prints, as JSON, start → first message and start →
// joined: the cold start a program pays for its first child (target lookup, TypeScript check, Node boot).
import { once } from 'node:events'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as mp from '@proclab/core'
import { ping } from './ping.ts'

if (mp.isMain(import.meta)) {
  const path = join(mkdtempSync(join(tmpdir(), 'proclab-bench-')), 's')
  const server = createServer()
  server.listen(path)
  await once(server, 'listening')
  const message = new Promise<void>((resolve) => server.once('connection', (socket) => socket.once('data', () => resolve())))
  const t0 = performance.now()
  const p = new mp.Process({ target: ping, args: [path] })
  p.start()
  await message
  const t1 = performance.now()
  await p.join()
  const t2 = performance.now()
  server.close()
  console.log(JSON.stringify({ first: t1 - t0, join: t2 - t0 }))
}
