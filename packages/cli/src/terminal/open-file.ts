import { spawn } from 'node:child_process'

/** The command that opens a file in its default application, by platform. */
function opener(file: string): [string, string[]] {
  if (process.platform === 'darwin') return ['open', [file]]
  // `start` is a cmd built-in; its first quoted argument is a window title, hence the empty one.
  if (process.platform === 'win32') return ['cmd', ['/c', 'start', '""', file]]
  return ['xdg-open', [file]]
}

/**
 * Opens `file` in its default application (a web page in the browser), without waiting for it.
 * Rejects when there is no opener (a server with no desktop).
 */
export function openFile(file: string): Promise<void> {
  const [command, args] = opener(file)
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' })
    child.once('error', reject)
    child.once('spawn', () => {
      child.unref()
      resolve()
    })
  })
}
