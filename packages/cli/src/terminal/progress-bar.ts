/** The width of every progress bar, in characters between the brackets. */
export const BAR_WIDTH = 30

/**
 * A text progress bar, `[#########---------------------]`.
 * @example progressBar(3, 10) // '[#########---------------------]'
 */
export function progressBar(done: number, total: number, width = BAR_WIDTH): string {
  const filled = total === 0 ? 0 : Math.round((Math.min(done, total) / total) * width)
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`
}

/**
 * Reports progress on a stream: redrawn in place on a terminal, one line per step elsewhere (a CI log).
 * @example
 * const bar = progressLine(process.stderr)
 * bar.update(1, 22, '01-hello-process ✓')
 * bar.done()
 */
export function progressLine(stream: NodeJS.WriteStream) {
  const redraw = stream.isTTY === true
  return {
    update(done: number, total: number, label: string): void {
      const line = `${progressBar(done, total)} ${done}/${total} ${label}`
      stream.write(redraw ? `\r\x1b[K${line}` : `${line}\n`)
    },
    done(): void {
      if (redraw) stream.write('\r\x1b[K')
    },
  }
}
