import { describe, test } from 'vitest'
import { expectProgram, runExercise } from '@proclab/harness'

const run = await runExercise(import.meta.url)
const program = expectProgram(run)

// `this.pid=(\S+)` rather than `(\d+)`: a run() called outside a started child prints `undefined`, and the
// check below should say why instead of finding no line.
const RUN_LINE = /^run\(\) in (\S+): person=(\S+) this\.pid=(\S+) process\.pid=(\d+)$/
const STARTED_LINE = /^parent: started (\S+) pid=(\S+) for (\S+)$/

describe('lesson 04: subclassing Process', () => {
  test('the program exits normally', () => {
    program.exitCode(0, 'The program should finish without an error.')
  })

  test('run() ran once for each of the two objects', () => {
    program.count(
      RUN_LINE,
      2,
      'Two lines `run() in <name>: person=… this.pid=… process.pid=…` should appear, one per MyProcess. None means ' +
        'run() was never overridden: add `override run(): void { … }` to MyProcess and print that line from it ' +
        '(start() calls run() in the child). More than two means the code that starts the children runs again in ' +
        'each child: keep it inside `if (mp.isMain(import.meta))`.',
    )
  })

  test('inside run(), this.pid is the pid of the process running it', () => {
    program.line(RUN_LINE, 'run() should print `run() in <name>: person=… this.pid=… process.pid=…`: override run() in MyProcess.')
    for (const [line, name, , thisPid, processPid] of program.lines(RUN_LINE)) {
      program.that(
        thisPid === processPid,
        thisPid === 'undefined'
          ? `In \`${line}\`, this.pid is undefined: that run() ran in a process where the object was never started. ` +
              'Did you call p.run() yourself? That runs it right there, in the parent. Call p.start(): it runs run() in a new child.'
          : `In ${name}'s run(), this.pid should be the pid of the child running it (process.pid). Print this.pid and ` +
              'process.pid from inside run(), which start() calls in the child.',
        { expected: `this.pid=${processPid}`, found: `this.pid=${thisPid}` },
      )
    }
  })

  test('each child printed its own field', () => {
    const started = program.lines(STARTED_LINE)
    program.that(started.length === 2, 'The parent should still print `parent: started <name> pid=… for <person>` for both children.', {
      expected: `2 lines matching ${STARTED_LINE}`,
      found: `${started.length}`,
    })
    const runs = program.lines(RUN_LINE)
    for (const [, name, pid, person] of started) {
      program.that(pid !== 'undefined', `${name}.pid is undefined after the line that should start it: call p.start(), which spawns the child and sets p.pid.`, {
        expected: `parent: started ${name} pid=<a number>`,
        found: `parent: started ${name} pid=${pid}`,
      })
      const own = runs.find((m) => m[4] === pid)
      program.that(
        own !== undefined,
        `No run() line came from ${name} (pid ${pid}). start() runs run() in the child: override run() in MyProcess and ` +
          'print process.pid from inside it.',
        {
          expected: `a line \`run() in …: … process.pid=${pid}\``,
          found: 'no such line',
        },
      )
      program.equal(
        own![2],
        person,
        `${name} (pid ${pid}) was created with new MyProcess('${person}'), so its run() should print person=${person}. ` +
          'Store the constructor argument in a field (`this.person = person`) and print this.person in run(): the field ' +
          'is copied into the child when it starts.',
      )
    }
  })
})
