/** The steps a time axis may use, per power of ten: 1, 2 and 5 read well. */
const NICE_STEPS = [1, 2, 5, 10]

/** Times (ms) of the tick marks of an axis from 0 to `duration`, a round step apart, at most about `maxTicks` of them. */
export function axisTicks(duration: number, maxTicks: number): number[] {
  const step = tickStep(duration, maxTicks)
  const ticks: number[] = []
  for (let i = 0; i * step <= duration + step * 1e-9; i++) ticks.push(i * step)
  return ticks
}

/** The distance between two ticks of {@link axisTicks}. */
export function tickStep(duration: number, maxTicks: number): number {
  if (!(duration > 0)) return 1
  const rough = duration / Math.max(1, maxTicks)
  const magnitude = 10 ** Math.floor(Math.log10(rough))
  return magnitude * NICE_STEPS.find((nice) => nice * magnitude >= rough)!
}

/** A tick's label: as many decimals as the step needs (`0`, `50`, `1.5`). */
export function tickLabel(time: number, step: number): string {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)))
  return String(Number(time.toFixed(decimals)))
}

/** A duration for people: `0.4 ms`, `42 ms`, `1.25 s`. */
export function formatDuration(ms: number): string {
  if (ms >= 1000) return `${Number((ms / 1000).toFixed(2))} s`
  return `${ms >= 10 ? Math.round(ms) : Number(ms.toFixed(1))} ms`
}
