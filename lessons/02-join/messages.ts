import { defineMessages } from '@proclab/harness'

/** Every check name and hint of this lesson's test, in English and in Chinese. */
export const messages = defineMessages({
  en: {
    lesson: 'lesson 02: waiting for a child with join',

    exits: 'the program exits normally',
    exitsHint: 'The program should finish without an error.',

    childRanOnce: 'the child ran once, to the end',
    childRanOnceHint:
      'Exactly one line `child laoniao: finished` should appear. None means the child never ran to the end: keep ' +
      "`new mp.Process({ target: work, args: ['laoniao'] })` and `p.start()`. More than one means the code that starts " +
      'it runs again in the child: keep it inside `if (mp.isMain(import.meta))`.',

    childFirst: "the child finished before the parent's last line",
    childFirstHint:
      "The parent printed 'parent: done' before the child finished. `p.start()` returns at once and the child runs " +
      'alongside the parent, so the parent must wait for it: did you `await p.join()` before the last line? ' +
      '(Without `await`, join() only hands back a Promise and the parent carries straight on.)',
  },
  'zh-CN': {
    lesson: '第 02 课：用 join 等待子进程',

    exits: '程序正常退出',
    exitsHint: '程序应当运行结束，并且没有出错。',

    childRanOnce: '子进程运行了一次，并且运行到了最后',
    childRanOnceHint:
      '输出中应当恰好有一行 `child laoniao: finished`。一行都没有，说明子进程没有运行到最后：请保留 ' +
      "`new mp.Process({ target: work, args: ['laoniao'] })` 和 `p.start()`。多于一行，说明启动子进程的代码" +
      '在子进程里又执行了一遍：把它放在 `if (mp.isMain(import.meta))` 里面。',

    childFirst: '子进程在父进程打印最后一行之前就结束了',
    childFirstHint:
      "父进程在子进程结束之前就打印了 'parent: done'。`p.start()` 会立即返回，子进程与父进程同时运行，" +
      '所以父进程必须等待它：你是否在最后一行之前写了 `await p.join()`？' +
      '（如果没有 `await`，join() 只会返回一个 Promise，父进程会直接往下执行。）',
  },
})
