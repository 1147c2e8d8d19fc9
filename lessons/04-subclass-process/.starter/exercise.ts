// Lesson 04: a Process subclass with its own fields and run().
// Run it:   npx proclab run 04      Check it: npx proclab check 04
import * as mp from '@proclab/core'

// Exported, because the child re-imports this file and finds the class by its exported name.
export class MyProcess extends mp.Process {
  // TODO: declare a field that holds the person this process is about: `person: string`.

  constructor(person: string) {
    // A subclass constructor must call super() before it touches `this`. super() takes the same
    // options as `new mp.Process({ … })`, such as `name` or `daemon`.
    super()
    // TODO: keep the argument in the field: `this.person = person`.
  }

  // TODO: override run(). start() calls it in the child. Print one line:
  //   run() in <this.name>: person=<this.person> this.pid=<this.pid> process.pid=<process.pid>
  // (TypeScript wants the keyword: `override run(): void { … }`.)
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
