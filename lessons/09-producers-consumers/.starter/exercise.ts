// Lesson 09: two producers, one endless consumer, and a parent that stops it.
// Run it:   npx proclab run 09      Check it: npx proclab check 09
import * as mp from '@proclab/core'

export const URLS_A = ['url_A1', 'url_A2', 'url_A3']
export const URLS_B = ['url_B1', 'url_B2', 'url_B3']

// A producer: puts its urls in order, pausing a random moment between them. Leave it as it is.
export async function writer(q: mp.Queue<string>, urls: string[]): Promise<void> {
  const me = mp.currentProcess().name
  console.log(`${me} pid=${process.pid}: writing`)
  for (const [i, url] of urls.entries()) {
    if (i > 0) await mp.sleep(Math.random() * 300)
    await q.put(url)
    console.log(`${me}: put ${url}`)
  }
}

// What the reader does with each url: it takes a while (half a second, as a download would). Leave it as it is.
export async function handle(_url: string): Promise<void> {
  await mp.sleep(500)
}

// The consumer: it should never return on its own.
export async function reader(q: mp.Queue<string>, handled: mp.Queue<string>): Promise<void> {
  console.log(`reader pid=${process.pid}: reading`)
  // TODO: loop for ever (`for (;;) { … }`). In the loop:
  //       - take the next url with `await q.get()` (it waits while the queue is empty),
  //       - print `reader: got <url>`,
  //       - handle it: `await handle(url)` (given above: it takes half a second),
  //       - then tell the parent you are done with it: `await handled.put(url)`.
}

if (mp.isMain(import.meta)) {
  const urls = new mp.Queue<string>()
  // A second queue, from the reader back to the parent: "I have handled this url".
  const handled = new mp.Queue<string>()
  const writers = [
    new mp.Process({ target: writer, args: [urls, URLS_A], name: 'writer A' }),
    new mp.Process({ target: writer, args: [urls, URLS_B], name: 'writer B' }),
  ]
  const r = new mp.Process({ target: reader, args: [urls, handled], name: 'reader' })
  for (const w of writers) w.start()
  r.start()

  for (const w of writers) await w.join()
  // TODO: the reader never ends by itself, so do not join it yet. First wait until it has handled
  //       every url: take one report per url off `handled` (six `await handled.get()`).
  // TODO: then stop the reader with terminate(), as the Python version does.

  await r.join()
  console.log(`main: reader exitCode=${r.exitCode}`)
}
