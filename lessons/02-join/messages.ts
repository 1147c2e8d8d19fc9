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

    childKilledHint:
      'The child never printed `child laoniao: finished`: the parent shows a negative exitCode, so the child was killed ' +
      'by a signal. `p.terminate()` (or `p.kill()`) stops the child at once instead of waiting for it. Replace it ' +
      'with `await p.join()`, which lets the child finish its work and then returns.',
    childPrintsItself:
      'The line `child laoniao: finished` must be printed by the child process, in work(); here another process printed it. ' +
      'Leave the printing to the child and make the parent wait for it.',

    childFirst: "the child finished before the parent's last line",
    childFirstHint:
      "The parent printed 'parent: done' before the child finished. `p.start()` returns at once and the child runs " +
      'alongside the parent, so the parent must wait for it: did you `await p.join()` before the last line? ' +
      '(Without `await`, join() only hands back a Promise and the parent carries straight on.)',

    joined: 'the parent waited with its own join() before its last line',
    joinedHint:
      'The parent must wait for the child with `await p.join()` before it prints `parent: done`. Waiting with ' +
      '`mp.sleep()` or a timer only guesses how long the child takes (on a busy machine it takes longer), and a ' +
      '`p.join()` without `await` does not wait at all; proclab joining the child for you at exit comes too late.',

    readsExitCode: "after the join the parent reads the child's exit code, 0",
    printExitCode: 'The parent should end with the line `parent: done, child exitCode=…`, printing p.exitCode.',
    exitCodeUndefined:
      'The parent printed `exitCode=undefined`: proclab spells the property `p.exitCode` (camelCase), where Python writes ' +
      '`p.exitcode`. A property that does not exist reads undefined in JavaScript, without an error.',
    exitCodeNotZero:
      'After the join the child\'s exit code was {code}, not 0: the child did not end normally. Leave work() as it is (no ' +
      'process.exit(), no throw): a function that returns ends its child with exit code 0.',
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

    childKilledHint:
      '子进程没有打印 `child laoniao: finished`：父进程显示的 exitCode 是负数，说明子进程被信号杀死了。' +
      '`p.terminate()`（或 `p.kill()`）会立即终止子进程，而不是等待它。把它换成 `await p.join()`：' +
      'join 会让子进程做完它的工作，然后才返回。',
    childPrintsItself:
      '`child laoniao: finished` 这一行必须由子进程在 work() 里打印；这里是别的进程打印的。' +
      '打印交给子进程去做，父进程只需等待它。',

    childFirst: '子进程在父进程打印最后一行之前就结束了',
    childFirstHint:
      "父进程在子进程结束之前就打印了 'parent: done'。`p.start()` 会立即返回，子进程与父进程同时运行，" +
      '所以父进程必须等待它：你是否在最后一行之前写了 `await p.join()`？' +
      '（如果没有 `await`，join() 只会返回一个 Promise，父进程会直接往下执行。）',

    joined: '父进程在打印最后一行之前，自己用 join() 等待了子进程',
    joinedHint:
      '父进程必须先用 `await p.join()` 等待子进程，再打印 `parent: done`。用 `mp.sleep()` 或定时器等待，' +
      '只是在猜子进程要运行多久（机器繁忙时会更久）；不写 `await` 的 `p.join()` 根本不会等待；' +
      '而 proclab 在退出时替你 join 子进程，已经太晚了。',
    readsExitCode: '父进程在 join 之后读到子进程的退出码 0',
    printExitCode: '父进程最后应当打印 `parent: done, child exitCode=…` 这一行，其中打印的是 p.exitCode。',
    exitCodeUndefined:
      '父进程打印的是 `exitCode=undefined`：proclab 的属性写作 `p.exitCode`（驼峰式），而 Python 写作 `p.exitcode`。' +
      '在 JavaScript 里读取不存在的属性只会得到 undefined，不会报错。',
    exitCodeNotZero:
      'join 之后子进程的退出码是 {code}，而不是 0：子进程没有正常结束。请保持 work() 原样（不要 process.exit()，也不要 throw）：' +
      '函数正常返回，子进程的退出码就是 0。',
  },
})
