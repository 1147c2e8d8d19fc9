// proclab benchmark tasks for pools.
export function tiny(n: number): number {
  return n + 1
}

/** A fixed amount of CPU work (the same in every variant). */
export function burn(rounds: number): number {
  let x = 0
  for (let i = 0; i < rounds; i++) x = (x + i * i) % 1_000_003
  return x
}
