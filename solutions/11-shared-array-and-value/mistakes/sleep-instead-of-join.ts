// Mistake: sleeps a second instead of joining the child before reading the shared memory
// Fails: the parent read after the child's join
// Says: without having joined the child
import * as mp from '@proclab/core'

// A plain module-level number, as in lesson 07: every process has its own. It stays plain, for comparison:
// the child sets its own copy to 250, and the parent's copy stays 0.
let plain = 0

/** What work() needs from `ints`: numbered elements. An ordinary array has them, and so has an mp.Array. */
type Ints = { [index: number]: number }
/** What work() needs from `real` and `letter`: a `.value`. An ordinary object can have one, and so has an mp.Value. */
type Box<T> = { value: T }

/** The three ints as `[a,b,c]`, read one element at a time (this works for both kinds of `ints`). */
function show(ints: Ints): string {
  return JSON.stringify([ints[0], ints[1], ints[2]])
}

// The child: it writes its results into what the parent handed it, then says what it sees.
// Each `ints[i] = …` and `x.value = …` is an ordinary, synchronous assignment: no await. With shared
// memory it lands in bytes that the parent's process maps too.
export function work(ints: Ints, real: Box<number>, letter: Box<string>): void {
  plain = 250
  ints[0] = 250
  ints[1] = process.pid // only the child knows its own pid before it runs: the parent can read it only if ints is shared
  ints[2] = -7
  real.value = 36.6
  letter.value = 'Z'
  console.log(`child pid=${process.pid}: wrote ints=${show(ints)} real=${real.value} letter=${letter.value} plain=${plain}`)
}

if (mp.isMain(import.meta)) {
  // Shared memory is created in the parent, before start(), and handed to the child in args: it arrives
  // there as a view of the same bytes, not a copy. The typecode fixes what each element can hold:
  const ints = mp.Array('i', 3) // 'i': C int, signed 32-bit, so -7 fits ('I', unsigned, would read back 4294967289)
  const real = mp.Value('d', 0) // 'd': C double, the same 64-bit float as a JS number ('i' would keep 36, 'f' 36.599998…)
  const letter = mp.Value('c', '-') // 'c': one character

  const p = new mp.Process({ target: work, args: [ints, real, letter] })
  p.start()
  // Until the child has exited, reading could catch it half-way (ints written, real not yet): wait first.
  await mp.sleep(1500)
  // After the join the child has exited: whatever it wrote into shared memory is there to read.
  console.log(
    `parent pid=${process.pid} after join (exitCode=${p.exitCode}): ints=${show(ints)} real=${real.value} letter=${letter.value} plain=${plain}`,
  )
}
