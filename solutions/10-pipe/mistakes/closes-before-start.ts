// Mistake: closes the parent's ends before start(), so there is no handle left to give the children
// Fails: the program exits normally
// Says: closed an end before `start()`
import * as mp from '@proclab/core'

/** What the sender sends, in this order: url_0 … url_9. */
export const URLS = Array.from({ length: 10 }, (_, i) => `url_${i}`)
/** How long the unfinished parent waits for the receiver once the sender is done (the starter's stopgap; unused here). */
export const PATIENCE_MS = 2000

// The sender: sends each url, pausing a random moment in between, then returns. It does not need to
// close its end: when its process exits, its handle to the send end is closed for it.
export async function sender(conn: mp.Connection<string>, urls: string[]): Promise<void> {
  console.log(`sender pid=${process.pid}: sending ${urls.length} urls`)
  for (const url of urls) {
    await conn.send(url)
    console.log(`sender: sent ${url}`)
    await mp.sleep(Math.random() * 200)
  }
  console.log('sender: done')
}

// The receiver: prints every url it gets, and stops only when the pipe says nothing more can come.
export async function receiver(conn: mp.Connection<string>): Promise<void> {
  console.log(`receiver pid=${process.pid}: receiving`)
  let got = 0
  for (;;) {
    let url: string
    try {
      // recv() waits for the next url. It throws EOFError only once every handle to the send end is
      // closed (the sender's by its exit, the parent's by close()) and every url sent has been read,
      // so no url is lost and no guess about "how long is long enough" is needed.
      url = await conn.recv()
    } catch (error) {
      if (!(error instanceof mp.EOFError)) throw error
      console.log(`receiver: EOFError, got ${got}`)
      return
    }
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
  sendEnd.close()
  receiveEnd.close()
  s.start()
  r.start()
  // Passing an end to a child gives the child its own handle; the parent's stays open. An open send
  // end anywhere means more urls might still come, so the receiver would wait for ever. Close the
  // parent's copies only after start(): start() is what hands each child its handle.
  await s.join()
  await r.join()
  console.log(`main: joined, sender exitCode=${s.exitCode}, receiver exitCode=${r.exitCode}`)
}
