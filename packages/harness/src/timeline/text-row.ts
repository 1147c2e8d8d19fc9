import { paintCells, type CellScale } from './cells.ts'
import type { LockSpan, ProcessTimeline } from './model.ts'
import { isAutoJoin } from './describe.ts'
import type { Segment, SegmentKind } from './segments.ts'

/** How a character is coloured: one style per thing a timeline can show. */
export type Style = SegmentKind | 'auto-join' | 'task-number' | 'lock' | 'failed' | 'unknown' | 'plain'

/** One character cell of a text timeline. */
export interface Mark {
  char: string
  style: Style
}

/** The characters a row is drawn with (a waiting cell shows a letter for what is waited on). */
export const SYMBOLS = {
  starting: '.',
  run: '-',
  task: '#',
  taskTooShort: '*',
  lock: '=',
  /** The join proclab makes itself at exit: an upper-case J, so it never reads as the program's own `j`. */
  autoJoin: 'J',
  empty: ' ',
} as const

/** A cell where several tasks ran, too short to number. */
const CROWDED = Symbol('several tasks')

// A task outranks a wait, which outranks running, so a short task still gets a cell of its own.
const RANK: Record<SegmentKind, number> = { starting: 0, run: 1, wait: 2, task: 3 }

/** The letters standing for what was waited on (`j` join, `q` queue, `p` pipe…), given out as kinds appear. */
export class WaitLetters {
  readonly #byKind = new Map<string, string>()

  /** The letter for a kind of wait: its first free letter, else any free letter. */
  letterFor(kind: string): string {
    let letter = this.#byKind.get(kind)
    if (letter) return letter
    const taken = new Set(this.#byKind.values())
    const candidates = [...kind.toLowerCase(), ...'abcdefghijklmnopqrstuvwxyz']
    letter = candidates.find((c) => c >= 'a' && c <= 'z' && !taken.has(c)) ?? '~'
    this.#byKind.set(kind, letter)
    return letter
  }

  /** Every kind given a letter so far, with its letter, in the order they appeared. */
  entries(): [kind: string, letter: string][] {
    return [...this.#byKind]
  }
}

/** The cells of a process's row: a task shows its number at its start, then `#` while it runs. */
export function processMarks(process: ProcessTimeline, scale: CellScale, letters: WaitLetters): Mark[] {
  const cells: (Segment | typeof CROWDED | undefined)[] = paintCells(process.segments, scale, (segment) => RANK[segment.kind])
  // Tasks shorter than a cell can be painted over by the next ones: mark where each lost one started.
  const painted = new Set(cells)
  for (const segment of process.segments) if (segment.kind === 'task' && !painted.has(segment)) cells[scale.cellAt(segment.start)] = CROWDED
  const marks: Mark[] = []
  for (let i = 0; i < cells.length; ) {
    const segment = cells[i]
    let length = 1
    while (i + length < cells.length && cells[i + length] === segment) length++
    const next = cells[i + length]
    marks.push(...stretchMarks(segment, length, letters, next === CROWDED || next?.kind === 'task'))
    i += length
  }
  return marks
}

/** The cells of one lock's sub-row under its process. */
export function lockMarks(holds: LockSpan[], scale: CellScale): Mark[] {
  return paintCells(holds, scale).map((hold) => (hold ? { char: SYMBOLS.lock, style: 'lock' } : blank()))
}

function stretchMarks(segment: Segment | typeof CROWDED | undefined, length: number, letters: WaitLetters, taskFollows: boolean): Mark[] {
  if (!segment) return Array.from({ length }, blank)
  if (segment === CROWDED) return Array.from({ length }, (): Mark => ({ char: SYMBOLS.taskTooShort, style: 'task-number' }))
  if (segment.kind === 'task') return taskMarks(String(segment.task!.number), length, taskFollows)
  if (isAutoJoin(segment)) return Array.from({ length }, (): Mark => ({ char: SYMBOLS.autoJoin, style: 'auto-join' }))
  // What the program itself waited on names the wait, even if the join at exit overlaps it.
  const char = segment.kind === 'wait' ? letters.letterFor(segment.waits.find((wait) => !wait.auto)!.kind) : SYMBOLS[segment.kind]
  return Array.from({ length }, () => ({ char, style: segment.kind }))
}

function taskMarks(number: string, length: number, taskFollows: boolean): Mark[] {
  // A number wider than its task would read as another task's, and so would one running into the next task's number.
  const room = taskFollows ? length - 1 : length
  const head: Mark[] = number.length <= room ? [...number].map((char) => ({ char, style: 'task-number' })) : [{ char: SYMBOLS.taskTooShort, style: 'task-number' }]
  return [...head, ...Array.from({ length: length - head.length }, (): Mark => ({ char: SYMBOLS.task, style: 'task' }))]
}

function blank(): Mark {
  return { char: SYMBOLS.empty, style: 'plain' }
}
