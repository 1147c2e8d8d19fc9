import { defineMessages } from '@proclab/harness'

/** Every check name and hint of this lesson's test, in English and in Chinese. */
export const messages = defineMessages({
  en: {
    lesson: 'lesson 01: starting a process',

    exits: 'the program exits normally',
    exitsHint: 'The program should finish without an error.',
    childCrashed:
      'A process reported an error (see stderr below); fix it first. A StateError about starting a Process while the ' +
      'child was still importing its module means the starting code runs again in the child: put it inside `if (mp.isMain(import.meta))`.',

    oneChild: 'exactly one child ran',
    oneChildHint:
      'Exactly one line `child kurong 18 pid=… ppid=…` should appear. None means the child never ran (did you ' +
      "create the Process with `target: greet, args: ['kurong', 18]`, call `p.start()`, and fill in greet?). " +
      'More than one means the code that starts it runs again in the child: keep it inside `if (mp.isMain(import.meta))`.',

    childPrintsItself:
      'The line `child kurong 18 …` must be printed by the child process, inside greet. Printing it from the parent ' +
      '(with p.pid and process.pid) only imitates the output: the child should print its own process.pid and process.ppid.',

    ownPid: "the child has its own pid, and its parent's pid is the program's",
    childPrintsPids: 'The child should print its pid and ppid.',
    parentPrintsPid: 'The parent should still print `parent pid=…`.',
    parentLineFromParent:
      'The line `parent pid=…` must be printed by the parent, after its join, with its own process.pid. Printed by the child ' +
      '(with process.ppid), it only imitates the parent: keep that console.log in the guarded block.',
    samePid: 'The child printed the same pid as the parent: print process.pid inside greet, which runs in the child.',
    otherPid: 'a pid other than {pid}',
    ppidIsParent: "The child's ppid should be the parent's pid: print process.ppid inside greet.",

    joined: 'the parent waits for the child with join() before its own line',
    joinedHint:
      'After `p.start()`, the parent should `await p.join()` before it prints `parent pid=…`: without join the parent ' +
      'does not wait for the child (proclab only joins it automatically at exit). A join without await does not wait either.',
  },
  'zh-CN': {
    lesson: '第 01 课：启动一个进程',

    exits: '程序正常退出',
    exitsHint: '程序应当运行结束，并且没有出错。',
    childCrashed:
      '有进程报告了错误（见下方 stderr），请先解决它。如果是 StateError，说子进程还在导入模块时就调用了 Process 的 start，' +
      '说明启动子进程的代码在子进程里又执行了一遍：把它放在 `if (mp.isMain(import.meta))` 里面。',

    oneChild: '恰好运行了一个子进程',
    oneChildHint:
      '输出中应当恰好有一行 `child kurong 18 pid=… ppid=…`。一行都没有，说明子进程根本没有运行（你是否用 ' +
      "`target: greet, args: ['kurong', 18]` 创建了 Process、调用了 `p.start()`，并补全了 greet？）。" +
      '多于一行，说明启动子进程的代码在子进程里又执行了一遍：把它放在 `if (mp.isMain(import.meta))` 里面。',

    childPrintsItself:
      '`child kurong 18 …` 这一行必须由子进程在 greet 里打印。在父进程里用 p.pid 和 process.pid 拼出这一行，' +
      '只是模仿了输出：应当让子进程打印它自己的 process.pid 和 process.ppid。',

    ownPid: '子进程有自己的 pid，它的父进程 pid 就是主程序的 pid',
    childPrintsPids: '子进程应当打印它的 pid 和 ppid。',
    parentPrintsPid: '父进程仍应打印 `parent pid=…`。',
    parentLineFromParent:
      '`parent pid=…` 这一行必须由父进程在 join 之后用它自己的 process.pid 打印。由子进程（用 process.ppid）打印，' +
      '只是模仿了父进程：请把这个 console.log 留在受保护的代码块里。',
    samePid: '子进程打印的 pid 和父进程相同：请在 greet 里打印 process.pid，greet 是在子进程中运行的。',
    otherPid: '一个不同于 {pid} 的 pid',
    ppidIsParent: '子进程的 ppid 应当等于父进程的 pid：请在 greet 里打印 process.ppid。',

    joined: '父进程在打印自己那一行之前用 join() 等待子进程',
    joinedHint:
      '在 `p.start()` 之后，父进程应当先 `await p.join()`，再打印 `parent pid=…`：不调用 join，父进程就不会等待子进程' +
      '（proclab 只在退出时自动 join 它）。调用 join 却不写 await，也同样没有等待。',
  },
})
