import { defineMessages } from '@proclab/harness'

/** Every check name and hint of this lesson's test, in English and in Chinese. */
export const messages = defineMessages({
  en: {
    lesson: 'lesson 07: each process has its own data',

    exits: 'the program exits normally',
    exitsHint: 'The program should finish without an error.',

    twoChildren: 'two children each printed what they see',
    twoChildrenHint:
      "Each child should print one `child-N pid=… sees names=… age=…` line. Start a second Process with `target: change, args: ['child-2', 10]` " +
      'next to the first, and `await` its join too.',

    ownProcess: 'each child ran in a process of its own',
    printParentAfter: 'The parent should still print `parent pid=… after: names=… age=…` at the end.',
    repeatedPid: 'The parent and each child should print a different pid. A repeated pid means change() was called directly instead of through a Process.',

    ownChange: '{who} saw only its own change',
    printChild: '{who} should print what it sees: start it as a Process running change().',
    aChildLine: 'a line `{who} pid=… sees names={names} age={age}`',
    noSuchLine: 'no such line',
    unchanged: '{who} saw the list and the number unchanged: in change(), push `who` onto names and add `years` to age before printing.',
    onlyOwn:
      "{who} should see only its own change: its own fresh copy of the module, with just '{who}' in the list and 22 plus its own years. " +
      'If it saw the other child too, both changes happened in one process: run each call of change() in its own Process.',

    parentOriginal: 'the parent still sees the original data after the joins',
    childrenPrint:
      'Both `child-N … sees …` lines must be printed by the children, in the change() each one runs; here the parent ' +
      'printed at least one. Give change to a Process as its `target` instead of calling it in the parent.',
    joinedBoth:
      "The parent printed its `after:` line without having joined both children: a sleep only guesses how long they take. " +
      '`await` the join of every child before printing it: only then have they surely ended.',
    afterLast:
      "The parent's `after:` line should come after both children's lines: `await` the join of every child before printing it. " +
      'child-2 takes longer than child-1, so joining only the first one is not enough.',
    parentUnchanged:
      "The children changed their own copies, so the parent's names should still be [] and its age 22. If they changed, the parent called change() itself: leave that to the children.",
    startBothFirst:
      'Start child-2 while child-1 still runs: call `second.start()` right after `first.start()`, and only then join them. ' +
      'Started after the join of child-1, it runs alone, and the lesson wants two processes changing their copies at the same time.',
  },
  'zh-CN': {
    lesson: '第 07 课：每个进程都有自己的数据',

    exits: '程序正常退出',
    exitsHint: '程序应当运行结束，并且没有出错。',

    twoChildren: '两个子进程各自打印了它们看到的数据',
    twoChildrenHint:
      "每个子进程应当打印一行 `child-N pid=… sees names=… age=…`。请在第一个 Process 旁边再启动一个，写成 `target: change, args: ['child-2', 10]`，" +
      '并且同样 `await` 它的 join。',

    ownProcess: '每个子进程都运行在自己的进程里',
    printParentAfter: '父进程仍应在最后打印 `parent pid=… after: names=… age=…`。',
    repeatedPid: '父进程和每个子进程打印的 pid 应当各不相同。出现重复的 pid，说明 change() 是被直接调用的，而不是通过 Process 调用的。',

    ownChange: '{who} 只看到了自己的修改',
    printChild: '{who} 应当打印它看到的数据：请把它作为一个运行 change() 的 Process 启动。',
    aChildLine: '有一行 `{who} pid=… sees names={names} age={age}`',
    noSuchLine: '没有这样的行',
    unchanged: '{who} 看到的列表和数字都没有变：请在 change() 里打印之前，把 `who` push 进 names，并把 `years` 加到 age 上。',
    onlyOwn:
      "{who} 应当只看到自己的修改：它有一份自己的、全新的模块副本，列表里只有 '{who}'，年龄是 22 加上它自己的 years。" +
      '如果它也看到了另一个子进程的修改，说明两次修改发生在同一个进程里：请让每次 change() 调用都运行在各自的 Process 里。',

    parentOriginal: 'join 之后，父进程看到的仍是原来的数据',
    childrenPrint:
      '两行 `child-N … sees …` 都必须由子进程在各自运行的 change() 里打印；这里至少有一行是父进程打印的。' +
      '请把 change 作为 Process 的 `target` 传入，而不是在父进程里调用它。',
    joinedBoth:
      '父进程在没有 join 两个子进程的情况下就打印了 `after:` 行：sleep 只是在猜它们要运行多久。' +
      '打印它之前，请 `await` 每个子进程的 join：只有这样，它们才一定已经结束。',
    afterLast:
      '父进程的 `after:` 行应当出现在两个子进程的行之后：打印它之前，请 `await` 每个子进程的 join。' +
      'child-2 比 child-1 耗时更长，所以只 join 第一个子进程是不够的。',
    parentUnchanged:
      '子进程修改的是它们自己的副本，所以父进程的 names 应当仍是 []，age 仍是 22。如果它们变了，说明父进程自己调用了 change()：请把这件事留给子进程。',
    startBothFirst:
      '在 child-1 还在运行时就启动 child-2：在 `first.start()` 之后紧接着调用 `second.start()`，然后才 join 它们。' +
      '如果在 child-1 的 join 之后才启动，child-2 就是单独运行的；本课要的是两个进程同时修改各自的副本。',
  },
})
