import type { Span } from './model.ts'
import type { Segment, SegmentKind } from './segments.ts'

/**
 * Stretches of time drawn as one shape because they are too close together to draw apart: a run of
 * lock holds a few microseconds each, or a process switching between running and waiting thousands
 * of times. A band of one member is that member, drawn as usual.
 */
export interface Band<S> {
  start: number
  end: number
  /** What the band stands for, in time order. */
  members: S[]
}

/**
 * Groups spans of one kind (the holds of one lock), in time order, into bands: a span that starts less
 * than `gap` ms after the band so far ends joins it, so no gap narrower than `gap` is drawn.
 * @example bandsOf(holds, msPerPixel) // 20 000 holds of a hot lock → a handful of bands
 */
export function bandsOf<S extends Pick<Span, 'start' | 'end'>>(spans: readonly S[], gap: number): Band<S>[] {
  const bands: Band<S>[] = []
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = bands.at(-1)
    if (last && span.start - last.end < gap) {
      last.end = Math.max(last.end, span.end)
      last.members.push(span)
    } else {
      bands.push({ start: span.start, end: span.end, members: [span] })
    }
  }
  return bands
}

/**
 * Groups a process's consecutive segments that are each narrower than `narrow` ms into bands; a
 * segment at least that wide is a band of its own. Segments tile a row, so a gap rule would merge it all.
 */
export function segmentBands(segments: readonly Segment[], narrow: number): Band<Segment>[] {
  const bands: Band<Segment>[] = []
  let crowd: Band<Segment> | undefined
  for (const segment of segments) {
    if (segment.end - segment.start >= narrow) {
      crowd = undefined
      bands.push({ start: segment.start, end: segment.end, members: [segment] })
    } else if (crowd) {
      crowd.end = segment.end
      crowd.members.push(segment)
    } else {
      crowd = { start: segment.start, end: segment.end, members: [segment] }
      bands.push(crowd)
    }
  }
  return bands
}

/** Milliseconds of each kind of segment in a band, the kind with most time first. */
export function timeByKind(band: Band<Segment>): [kind: SegmentKind, ms: number][] {
  const totals = new Map<SegmentKind, number>()
  for (const segment of band.members) totals.set(segment.kind, (totals.get(segment.kind) ?? 0) + segment.end - segment.start)
  return [...totals].sort((a, b) => b[1] - a[1])
}
