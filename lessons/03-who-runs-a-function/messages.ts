import { defineMessages } from '@proclab/harness'

/** Every check name and hint of this lesson's test, in English and in Chinese. */
export const messages = defineMessages({
  en: {
    lesson: 'lesson 03: who runs a function',

    exits: 'the program exits normally',
    exitsHint: 'The program should finish without an error.',

    reports: "whoRunsMe('{caller}') should print `{caller}: pid=… ppid=…`.",

    calledOnce: 'whoRunsMe was called once for {caller}',
    calledOnceByParent:
      "Exactly one line `{caller}: pid=… ppid=…` should appear. None means whoRunsMe('{caller}') never ran: " +
      "keep the parent's own call `whoRunsMe('parent')` at the end." +
      ' More than one means the code that starts children runs again in each child: keep it inside `if (mp.isMain(import.meta))`.',
    calledOnceByChild:
      "Exactly one line `{caller}: pid=… ppid=…` should appear. None means whoRunsMe('{caller}') never ran: " +
      "give it to a Process with `target: whoRunsMe, args: ['{caller}']` and start() it." +
      ' More than one means the code that starts children runs again in each child: keep it inside `if (mp.isMain(import.meta))`.',

    printedByChild:
      "The line `{caller}: …` must be printed by whoRunsMe running in a child process; here the parent printed it " +
      "(by calling whoRunsMe itself, or by imitating the line with the child's p.pid). Pass whoRunsMe as `target` and let the child call it.",
    joined: "both children had ended before the parent's own line (join waits for that)",
    joinedHint:
      "The parent should `await p.join()` for each of its two children before it calls whoRunsMe('parent'). Joining " +
      'only one, or none, leaves the other running; a sleep only guesses how long they take; proclab joining it for you at exit comes too late.',

    differentProcesses: 'three different processes ran the same function',
    bothChildren: "'child 1' and 'child 2'",
    ranInParent:
      "{callers} printed the parent's pid, so whoRunsMe ran in the parent. " +
      "Calling `whoRunsMe('child 1')` yourself runs it in the process that calls it. Pass the function, uncalled, " +
      "as a Process's target (`new mp.Process({ target: whoRunsMe, args: ['child 1'] })`) and start() it: then the child calls it.",
    onePerCaller: 'Each caller should be a different process: two children and the parent. Start one Process per child.',

    childrenOfProgram: "each child's parent is the program",
    wrongPpid:
      "'{caller}' reported ppid={ppid}, but the parent's pid is {parentPid}. A child's ppid is the pid of the process " +
      'that started it.',
    wrongPpidFromParent:
      "'{caller}' reported ppid={ppid}, but the parent's pid is {parentPid}. A child's ppid is the pid of the process " +
      'that started it.' +
      " This line came from the parent itself (same pid {pid}), so its ppid is the parent's own parent: run whoRunsMe('{caller}') in a child.",
    startBothFirst:
      'Start both children before you join either: `p1.start()`, `p2.start()`, then `await p1.join()` and `await p2.join()`. ' +
      'Starting child 2 only after joining child 1 runs them one after the other, never at the same time.',
  },
  'zh-CN': {
    lesson: '第 03 课：谁在运行这个函数',

    exits: '程序正常退出',
    exitsHint: '程序应当运行结束，并且没有出错。',

    reports: "whoRunsMe('{caller}') 应当打印 `{caller}: pid=… ppid=…`。",

    calledOnce: '为 {caller} 调用了一次 whoRunsMe',
    calledOnceByParent:
      "输出中应当恰好有一行 `{caller}: pid=… ppid=…`。一行都没有，说明 whoRunsMe('{caller}') 没有运行：" +
      "请保留父进程自己在最后的那次调用 `whoRunsMe('parent')`。" +
      '多于一行，说明启动子进程的代码在每个子进程里又执行了一遍：把它放在 `if (mp.isMain(import.meta))` 里面。',
    calledOnceByChild:
      "输出中应当恰好有一行 `{caller}: pid=… ppid=…`。一行都没有，说明 whoRunsMe('{caller}') 没有运行：" +
      "把它交给一个 Process，写成 `target: whoRunsMe, args: ['{caller}']`，然后调用 start()。" +
      '多于一行，说明启动子进程的代码在每个子进程里又执行了一遍：把它放在 `if (mp.isMain(import.meta))` 里面。',

    printedByChild:
      '`{caller}: …` 这一行必须由在子进程中运行的 whoRunsMe 打印；这里却是父进程打印的' +
      '（父进程自己调用了 whoRunsMe，或者用子进程的 p.pid 拼出了这一行）。把 whoRunsMe 作为 `target` 传入，让子进程去调用它。',
    joined: '父进程打印自己那一行之前，两个子进程都已结束（join 会等到这一刻）',
    joinedHint:
      "父进程应当在调用 whoRunsMe('parent') 之前，对两个子进程分别 `await p.join()`。只 join 一个或一个都不 join，" +
      '另一个子进程就还在运行；sleep 只是在猜它们要运行多久；proclab 在退出时替你 join，已经太晚了。',

    differentProcesses: '三个不同的进程运行了同一个函数',
    bothChildren: "'child 1' 和 'child 2'",
    ranInParent:
      '{callers} 打印的是父进程的 pid，所以 whoRunsMe 是在父进程里运行的。' +
      "你自己调用 `whoRunsMe('child 1')`，它就在调用它的那个进程里运行。请把函数本身（不要调用它）" +
      "作为 Process 的 target 传进去（`new mp.Process({ target: whoRunsMe, args: ['child 1'] })`），再调用 start()：这样才是子进程调用它。",
    onePerCaller: '每个调用者都应当是不同的进程：两个子进程和父进程。请为每个子进程启动一个 Process。',

    childrenOfProgram: '每个子进程的父进程都是主程序',
    wrongPpid: "'{caller}' 报告的 ppid={ppid}，但父进程的 pid 是 {parentPid}。子进程的 ppid 是启动它的那个进程的 pid。",
    wrongPpidFromParent:
      "'{caller}' 报告的 ppid={ppid}，但父进程的 pid 是 {parentPid}。子进程的 ppid 是启动它的那个进程的 pid。" +
      "这一行其实来自父进程自己（pid 同为 {pid}），所以它的 ppid 是父进程自己的父进程：请在子进程里运行 whoRunsMe('{caller}')。",
    startBothFirst:
      '先启动两个子进程，再 join 其中任何一个：`p1.start()`、`p2.start()`，然后 `await p1.join()` 和 `await p2.join()`。' +
      '等 child 1 被 join 之后才启动 child 2，两个子进程就是一个接一个地运行，从来没有同时运行。',
  },
})
