/** Maps times (ms from the start of the trace) to the character cells of a row `width` cells wide. */
export class CellScale {
  readonly #perMs: number

  constructor(
    readonly width: number,
    duration: number,
  ) {
    // A trace of one instant still needs a scale: everything lands in the first cell.
    this.#perMs = duration > 0 ? width / duration : 0
  }

  /** The cell holding `time`. */
  cellAt(time: number): number {
    return Math.min(this.width - 1, Math.max(0, Math.floor(time * this.#perMs)))
  }

  /** The first and last cell of a stretch of time: at least one cell, so nothing vanishes however short. */
  cellsOf(start: number, end: number): [first: number, last: number] {
    const first = this.cellAt(start)
    const last = Math.min(this.width, Math.ceil(end * this.#perMs)) - 1
    return [first, Math.max(first, last)]
  }
}

/**
 * Which span each cell of a row shows. Spans are painted in order of `rank`, then time, so a
 * higher-ranked span wins a cell it shares (a task over a wait over running) and never disappears.
 */
export function paintCells<S extends { start: number; end: number }>(spans: readonly S[], scale: CellScale, rank: (span: S) => number = () => 0): (S | undefined)[] {
  const cells: (S | undefined)[] = new Array(scale.width).fill(undefined)
  const ordered = [...spans].sort((a, b) => rank(a) - rank(b) || a.start - b.start)
  for (const span of ordered) {
    const [first, last] = scale.cellsOf(span.start, span.end)
    cells.fill(span, first, last + 1)
  }
  return cells
}
