// Variant: the field is a constructor parameter property, the children are started in a plain for loop and joined in reverse
import * as mp from '@proclab/core'

export class MyProcess extends mp.Process {
  constructor(public person: string) {
    super()
  }

  override run(): void {
    const line = `run() in ${this.name}: person=${this.person} this.pid=${this.pid} process.pid=${process.pid}`
    console.log(line)
  }
}

if (mp.isMain(import.meta)) {
  const people = ['laoniao', 'ruhua']
  const children: MyProcess[] = []
  for (let i = 0; i < people.length; i++) {
    const p = new MyProcess(people[i]!)
    children.push(p)
    p.start()
    console.log(`parent: started ${p.name} pid=${p.pid} for ${p.person}`)
  }
  for (const p of [...children].reverse()) await p.join()
  console.log('parent: done')
}
