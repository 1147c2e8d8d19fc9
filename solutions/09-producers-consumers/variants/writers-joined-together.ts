// Variant: joins the writers with Promise.all and counts the reports in a while loop
import * as mp from '@proclab/core'

export const URLS_A = ['url_A1', 'url_A2', 'url_A3']
export const URLS_B = ['url_B1', 'url_B2', 'url_B3']

// A producer: puts its urls in order, pausing a random moment between them, as if each took a while to find.
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

// The consumer never returns on its own: like a server, it handles whatever arrives, for ever.
export async function reader(q: mp.Queue<string>, handled: mp.Queue<string>): Promise<void> {
  console.log(`reader pid=${process.pid}: reading`)
  for (;;) {
    // get() waits while the queue is empty, so this loop sleeps between urls instead of spinning.
    const url = await q.get()
    console.log(`reader: got ${url}`)
    await handle(url)
    // Report only after printing: once the parent has six reports, all six lines are out.
    await handled.put(url)
  }
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

  // The writers end on their own: wait for them.
  await Promise.all(writers.map((w) => w.join()))
  // The reader never ends on its own, so joining it now would wait for ever. Instead, wait until it has
  // reported every url the writers put: one report per url, whatever order they arrive in.
  const total = URLS_A.length + URLS_B.length
  let reports = 0
  while (reports < total) {
    await handled.get()
    reports++
  }
  console.log(`main: the reader handled all ${total} urls`)

  // Now stop it (SIGTERM, as Python's terminate()), and join it so its exit code is known.
  r.terminate()
  await r.join()
  console.log(`main: reader exitCode=${r.exitCode}`)
}
