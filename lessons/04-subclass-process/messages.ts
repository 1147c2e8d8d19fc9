import { defineMessages } from '@proclab/harness'

/** Every check name and hint of this lesson's test, in English and in Chinese. */
export const messages = defineMessages({
  en: {
    lesson: 'lesson 04: subclassing Process',

    exits: 'the program exits normally',
    exitsHint: 'The program should finish without an error.',
    childCrashed:
      'A process crashed with `{error}` (its stack is on stderr below); fix that first. A TypeError reading a field ' +
      'in run() usually means the field was never set: assign it in the constructor (`this.person = person`), after ' +
      'super(). An error saying MyProcess was not found means the class is not exported: the child re-imports the file ' +
      'and looks the class up by its exported name.',

    ranTwice: 'run() ran once for each of the two objects',
    ranTwiceHint:
      'Two lines `run() in <name>: person=… this.pid=… process.pid=…` should appear, one per MyProcess. None means ' +
      'run() was never overridden: add `override run(): void { … }` to MyProcess and print that line from it ' +
      '(start() calls run() in the child). More than two means the code that starts the children runs again in ' +
      'each child: keep it inside `if (mp.isMain(import.meta))`.',

    ranInChildren:
      'Both run() lines must be printed by the children, in the run() that start() calls there; here the parent ' +
      'printed at least one (by calling p.run() itself, or by printing the line). Call p.start() and let the child run it.',

    thisPid: 'inside run(), this.pid is the pid of the process running it',
    printRunLine: 'run() should print `run() in <name>: person=… this.pid=… process.pid=…`: override run() in MyProcess.',
    pidUndefined:
      'In `{line}`, this.pid is undefined: that run() ran in a process where the object was never started. ' +
      'Did you call p.run() yourself? That runs it right there, in the parent. Call p.start(): it runs run() in a new child.',
    pidOfChild:
      "In {name}'s run(), this.pid should be the pid of the child running it (process.pid). Print this.pid and " +
      'process.pid from inside run(), which start() calls in the child.',

    ownField: 'each child printed its own field',
    printStarted: 'The parent should still print `parent: started <name> pid=… for <person>` for both children.',
    linesMatching: '2 lines matching {pattern}',
    notStarted: '{name}.pid is undefined after the line that should start it: call p.start(), which spawns the child and sets p.pid.',
    aNumber: 'parent: started {name} pid=<a number>',
    noRunLine:
      'No run() line came from {name} (pid {pid}). start() runs run() in the child: override run() in MyProcess and ' +
      'print process.pid from inside it.',
    aRunLine: 'a line `run() in …: … process.pid={pid}`',
    noSuchLine: 'no such line',
    wrongPerson:
      "{name} (pid {pid}) was created with new MyProcess('{person}'), so its run() should print person={person}. " +
      'Store the constructor argument in a field (`this.person = person`) and print this.person in run(): the field ' +
      'is copied into the child when it starts.',
    joined: "both children had ended before 'parent: done' (join waits for that)",
    joinedHint:
      "The parent should `await p.join()` for each child before it prints 'parent: done'. A sleep only guesses how long they take, and proclab joining them for you at exit comes too late.",
    personIsName:
      "The process is named after its person ({person}), and run() prints that name as the person: keep `super()` as it is " +
      '(default names MyProcess-1, MyProcess-2), and keep the person in a field of its own, `this.person = person`, which start() copies into the child.',
    defaultName: 'a process name of its own (MyProcess-1…), and the person in its own field',
  },
  'zh-CN': {
    lesson: '第 04 课：继承 Process',

    exits: '程序正常退出',
    exitsHint: '程序应当运行结束，并且没有出错。',
    childCrashed:
      '有进程崩溃了，错误是 `{error}`（调用栈见下方 stderr），请先解决它。如果是在 run() 里读取字段时出现 TypeError，' +
      '通常是这个字段从未被赋值：在构造函数里、super() 之后给它赋值（`this.person = person`）。' +
      '如果错误说找不到 MyProcess，说明这个类没有导出：子进程会重新导入这个文件，并按导出的名字查找这个类。',

    ranTwice: '两个对象各自运行了一次 run()',
    ranTwiceHint:
      '输出中应当有两行 `run() in <name>: person=… this.pid=… process.pid=…`，每个 MyProcess 一行。一行都没有，' +
      '说明没有重写 run()：请给 MyProcess 加上 `override run(): void { … }`，并在其中打印这一行' +
      '（start() 会在子进程里调用 run()）。多于两行，说明启动子进程的代码在每个子进程里又执行了一遍：' +
      '把它放在 `if (mp.isMain(import.meta))` 里面。',

    ranInChildren:
      '两行 run() 输出都必须由子进程打印，也就是 start() 在子进程里调用的 run()；这里至少有一行是父进程打印的' +
      '（父进程自己调用了 p.run()，或者直接打印了这一行）。请调用 p.start()，让子进程去运行它。',

    thisPid: '在 run() 里，this.pid 就是正在运行它的进程的 pid',
    printRunLine: 'run() 应当打印 `run() in <name>: person=… this.pid=… process.pid=…`：请在 MyProcess 里重写 run()。',
    pidUndefined:
      '在 `{line}` 中，this.pid 是 undefined：这个 run() 运行在一个从未 start 过该对象的进程里。' +
      '你是不是自己调用了 p.run()？那样它就直接在父进程里运行了。请调用 p.start()：它会在一个新的子进程里运行 run()。',
    pidOfChild:
      '在 {name} 的 run() 里，this.pid 应当是运行它的子进程的 pid（即 process.pid）。请在 run() 里打印 this.pid 和 ' +
      'process.pid，start() 会在子进程中调用 run()。',

    ownField: '每个子进程都打印了自己的字段',
    printStarted: '父进程仍应为两个子进程各打印一行 `parent: started <name> pid=… for <person>`。',
    linesMatching: '2 行匹配 {pattern}',
    notStarted: '在本应启动 {name} 的那一行之后，{name}.pid 仍是 undefined：请调用 p.start()，它会创建子进程并设置 p.pid。',
    aNumber: 'parent: started {name} pid=<一个数字>',
    noRunLine:
      '没有来自 {name}（pid {pid}）的 run() 行。start() 会在子进程里运行 run()：请在 MyProcess 里重写 run()，' +
      '并在其中打印 process.pid。',
    aRunLine: '有一行 `run() in …: … process.pid={pid}`',
    noSuchLine: '没有这样的行',
    wrongPerson:
      "{name}（pid {pid}）是用 new MyProcess('{person}') 创建的，所以它的 run() 应当打印 person={person}。" +
      '请把构造函数的参数存进一个字段（`this.person = person`），并在 run() 里打印 this.person：' +
      '子进程启动时，这个字段会被复制到子进程里。',
    joined: "在打印 'parent: done' 之前，两个子进程都已结束（join 会等到这一刻）",
    joinedHint:
      "父进程应当在打印 'parent: done' 之前，对每个子进程都 `await p.join()`。sleep 只是在猜它们要运行多久，而 proclab 在退出时替你 join，已经太晚了。",
    personIsName:
      '进程以它的 person（{person}）命名，run() 又把这个名字当作 person 打印出来：请保持 `super()` 原样' +
      '（默认名字 MyProcess-1、MyProcess-2），并把 person 放在它自己的字段里：`this.person = person`，start() 会把它复制到子进程中。',
    defaultName: '进程有它自己的名字（MyProcess-1…），person 放在它自己的字段里',
  },
})
