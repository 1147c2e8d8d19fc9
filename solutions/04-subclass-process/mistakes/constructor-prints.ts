// Mistake: prints the run() line in the constructor, which runs in the parent; run() is not overridden
// Fails: run() ran once for each of the two objects
// Says: must be printed by the children
import * as mp from '@proclab/core'

// Exported, because the child re-imports this file and finds the class by its exported name.
export class MyProcess extends mp.Process {
  // An own field: start() copies it into the child by structured clone (the constructor does not run there).
  person: string

  constructor(person: string) {
    // super() first: `this` does not exist before it. It takes Process's options, e.g. super({ daemon: true }).
    super()
    this.person = person
    console.log(`run() in ${this.name}: person=${this.person} this.pid=${this.pid} process.pid=${process.pid}`)
  }

  // start() calls run() in the child, on the child's copy of this object: this.pid is the child's own
  // pid there, the same number as process.pid.
}

if (mp.isMain(import.meta)) {
  const people = ['laoniao', 'ruhua']
  const children = people.map((person) => new MyProcess(person))
  for (const [i, p] of children.entries()) {
    p.start() // spawns a child; the child rebuilds this object and calls its run()
    console.log(`parent: started ${p.name} pid=${p.pid} for ${people[i]}`)
  }
  for (const p of children) await p.join()
  console.log('parent: done')
}
