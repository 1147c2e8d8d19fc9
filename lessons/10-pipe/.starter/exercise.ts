// Lesson 10: send urls from one process to another through a Pipe, and stop when the pipe ends.
// Run it:   npx proclab run 10      Check it: npx proclab check 10
import * as mp from '@proclab/core'

/** What the sender sends, in this order: url_0 … url_9. */
export const URLS = Array.from({ length: 10 }, (_, i) => `url_${i}`)
/** How long the unfinished parent waits for the receiver once the sender is done, before it stops it. */
export const PATIENCE_MS = 2000

// The sender: sends each url, pausing a random moment in between, then returns. Leave it as it is:
// when its process exits, its handle to the send end is closed for it.
export async function sender(conn: mp.Connection<string>, urls: string[]): Promise<void> {
  console.log(`sender pid=${process.pid}: sending ${urls.length} urls`)
  for (const url of urls) {
    await conn.send(url)
    console.log(`sender: sent ${url}`)
    await mp.sleep(Math.random() * 200)
  }
  console.log('sender: done')
}

// The receiver: prints every url it gets, and should stop only when the pipe says nothing more can come.
export async function receiver(conn: mp.Connection<string>): Promise<void> {
  console.log(`receiver pid=${process.pid}: receiving`)
  let got = 0
  for (;;) {
    // TODO (after the TODO in the parent): once the pipe has ended, recv() throws mp.EOFError, and
    //       uncaught it crashes this child. Put the recv() inside try { … } catch (error) { … }. When the
    //       error is an mp.EOFError, print `receiver: EOFError, got ${got}` and return; rethrow any other error.
    const url = await conn.recv()
    console.log(`receiver: got ${url}`)
    got++
    await mp.sleep(Math.random() * 200)
  }
}

if (mp.isMain(import.meta)) {
  // A one-way pipe. As in Python, the FIRST end only receives and the second only sends.
  const [receiveEnd, sendEnd] = mp.Pipe<string>({ duplex: false })
  const s = new mp.Process({ target: sender, args: [sendEnd, URLS], name: 'sender' })
  const r = new mp.Process({ target: receiver, args: [receiveEnd], name: 'receiver' })
  s.start()
  r.start()
  // TODO: each child now holds its own handle to the end it was given, and the parent still holds both.
  //       While the parent's copy of the send end is open, the receiver cannot know that no more urls
  //       will come, so recv() never reaches EOF. Close the parent's copies here: sendEnd.close() and
  //       receiveEnd.close() (the parent uses neither).
  await s.join()
  // TODO (last): a stopgap, so that this unfinished program still ends: a receiver still waiting in recv()
  //       PATIENCE_MS after the sender is done is stopped. Once the receiver ends on EOFError, remove it.
  await r.join(PATIENCE_MS)
  if (r.isAlive()) {
    console.log(`main: the receiver still waits in recv() ${PATIENCE_MS} ms after the sender ended: terminating it`)
    r.terminate()
  }
  await r.join()
  console.log(`main: joined, sender exitCode=${s.exitCode}, receiver exitCode=${r.exitCode}`)
}
