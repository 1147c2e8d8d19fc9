import { createInterface } from 'node:readline'

/** What the learner typed in watch mode: a command key, Enter, or the end of input (a closed pipe). */
export type Input = { kind: 'key'; key: string } | { kind: 'enter' } | { kind: 'end' }

/** A source of {@link Input}; `close()` gives the terminal back as it was. */
export interface InputSource {
  close(): void
}

const CTRL_C = '\x03'
const CTRL_D = '\x04'
const ESCAPE = '\x1b'

/**
 * Single keys from a terminal in raw mode: each key press is a command at once, no Enter needed.
 * Ctrl-C quits (raw mode turns it into a key rather than a signal). The terminal is restored on
 * `close()`, and at exit whatever happens.
 */
export function readKeys(stdin: NodeJS.ReadStream, onInput: (input: Input) => void): InputSource {
  const restore = () => {
    if (stdin.isTTY) stdin.setRawMode(false)
  }
  const onData = (chunk: string) => {
    // An escape sequence (an arrow key, a function key) is not a command.
    if (chunk.startsWith(ESCAPE)) return
    for (const char of chunk) {
      if (char === CTRL_C) onInput({ kind: 'key', key: 'q' })
      else if (char === CTRL_D) onInput({ kind: 'end' })
      else if (char === '\r' || char === '\n') onInput({ kind: 'enter' })
      else onInput({ kind: 'key', key: char.toLowerCase() })
    }
  }
  stdin.setRawMode(true)
  stdin.setEncoding('utf8')
  stdin.on('data', onData)
  stdin.resume()
  process.once('exit', restore)
  return {
    close() {
      stdin.off('data', onData)
      restore()
      process.off('exit', restore)
      stdin.pause()
    },
  }
}

/**
 * Commands from a pipe or a file, one per line (`h` then Enter); an empty line is Enter, and the end
 * of the input is {@link Input} `end`.
 */
export function readLines(stdin: NodeJS.ReadStream, onInput: (input: Input) => void): InputSource {
  const lines = createInterface({ input: stdin, crlfDelay: Infinity })
  let closing = false
  lines.on('line', (line) => {
    const key = line.trim().toLowerCase()
    onInput(key === '' ? { kind: 'enter' } : { kind: 'key', key: key.charAt(0) })
  })
  lines.on('close', () => closing || onInput({ kind: 'end' }))
  return {
    close() {
      closing = true
      lines.close()
      // A pipe left open by the other side would keep the process alive: let go of it.
      stdin.destroy()
    },
  }
}
