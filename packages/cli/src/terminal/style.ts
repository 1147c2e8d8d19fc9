/** Colours for a terminal, off when the output is not one, when NO_COLOR is set, or when FORCE_COLOR=0. */
export interface Style {
  green(text: string): string
  red(text: string): string
  yellow(text: string): string
  bold(text: string): string
  dim(text: string): string
}

/**
 * The style for a stream, following the NO_COLOR and FORCE_COLOR conventions.
 * @example const { green } = styleFor(process.stdout); console.log(green('✓ passed'))
 */
export function styleFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Style {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0'
  const enabled = env.FORCE_COLOR !== '0' && env.NO_COLOR === undefined && (forced || stream.isTTY === true)
  const wrap = (open: number, close: number) => (text: string) => (enabled ? `\x1b[${open}m${text}\x1b[${close}m` : text)
  return { green: wrap(32, 39), red: wrap(31, 39), yellow: wrap(33, 39), bold: wrap(1, 22), dim: wrap(2, 22) }
}
