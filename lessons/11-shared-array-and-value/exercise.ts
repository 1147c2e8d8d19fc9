// Lesson 11: share memory between processes with mp.Array and mp.Value.
// Run it:   npx proclab run 11      Check it: npx proclab check 11
import * as mp from '@proclab/core'

// A plain module-level number, as in lesson 07: every process has its own. It stays plain, for comparison.
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
  // TODO: these three are ordinary objects, so the child receives a copy of each (lessons 07 and 08)
  //       and the parent never sees what it writes. Make each one shared memory instead, with the
  //       typecode that fits what the child stores in it (see the table in the README):
  //         ints    three whole numbers, one of them negative   -> mp.Array(typecode, 3)
  //         real    a number with a fraction                    -> mp.Value(typecode, 0)
  //         letter  one character                               -> mp.Value(typecode, '-')
  const ints = [0, 0, 0]
  const real = { value: 0 }
  const letter = { value: '-' }

  const p = new mp.Process({ target: work, args: [ints, real, letter] })
  p.start()
  await p.join()
  // After the join the child has exited: whatever it wrote into shared memory is there to read.
  console.log(
    `parent pid=${process.pid} after join (exitCode=${p.exitCode}): ints=${show(ints)} real=${real.value} letter=${letter.value} plain=${plain}`,
  )
}
