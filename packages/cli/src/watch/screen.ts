/** Where watch mode writes: a terminal it may clear, or a pipe it only appends to. */
export interface Screen {
  print(text: string): void
  /** Clears the terminal before a new check's result; on a pipe, where history is all there is, leaves a blank line. */
  clear(): void
  /** The stream, for a progress bar. */
  stream: NodeJS.WriteStream
}

/** A {@link Screen} on `stream`. Write errors (the terminal went away) are ignored: quitting still cleans up. */
export function screenOn(stream: NodeJS.WriteStream): Screen {
  stream.on('error', () => {})
  return {
    stream,
    print: (text) => void stream.write(`${text}\n`),
    clear: () => void stream.write(stream.isTTY ? '\x1b[2J\x1b[3J\x1b[H' : '\n'),
  }
}
