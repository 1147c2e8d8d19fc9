import { defineMessages } from '@proclab/harness'

/** Every check name and hint of this lesson's test, in English and in Chinese. */
export const messages = defineMessages({
  en: {
    lesson: 'lesson 05: lifecycle and exit codes',

    printJoined: 'The parent should print `joined {name} pid=… exitCode=… alive=…` after joining {name}. Keep the report loop at the end of the guarded block.',
    aJoinedLine: 'a line for {name} matching {pattern}',
    noSuchLine: 'no such line',

    exits: 'the program exits normally even though a child crashed',
    exitsHint:
      "The parent should exit with code 0: a child's crash ends only that child. If the parent failed, the error was " +
      'thrown in the parent: throw it inside crash(), which runs in the child, not in the guarded block.',

    reportedOnce: 'each of the four children is reported once after joining',
    reportedOnceHint:
      'The parent should print one `joined …` line for each child: finisher, crasher, quitter and sleeper. Keep the four Process objects and the report loop.',

    joinedFirst: 'the parent joined every child before reporting',
    joinedFirstHint:
      'The parent printed its `joined …` report without having joined every child: it waited some other way instead of joining ' +
      '(a sleep, or a join with a timeout that returned while the child still ran). A sleep is a guess; only after `await p.join()` ' +
      'has the child surely ended. Keep `for (const p of children) await p.join()` before the report.',

    realPids: 'each report shows the pid of the child it names',
    realPidsHint:
      "The `joined {name} …` line shows a pid that is not {name}'s: print the child's own `p.pid`. `process.pid` is the pid of the process running that line, the parent.",

    exitCodeOf: '{name} has exit code {code}',
    notTerminated:
      "sleeper ended with -15, but not by its parent's `sleeper.terminate()` (the trace has no such call): a child that " +
      "sends SIGTERM to itself, or a signal sent with `process.kill(pid)`, only imitates it. In the guarded block, after join(500), call `sleeper.terminate()`.",
    realExit: 'the child really ended with exitCode={real} (from the trace); the report says exitCode={printed}',
    notReal:
      '{name} really ended with exit code {real} (from the trace), but its report says otherwise: print `p.exitCode` itself, never a number written by hand.',
    finisher: 'finisher returns normally, so its exit code should be 0. Leave finish() as it is.',
    crasher: 'crasher should die of an uncaught error, which gives exit code 1: throw an Error in crash() and do not catch it.',
    quitter: 'quitter should end with exit code 3: call process.exit(3) in quit().',
    sleeper:
      'sleeper should be stopped by its parent: call sleeper.terminate() after join(500). A child killed by SIGTERM (signal 15) ' +
      'has exit code -15; 0 means it was left to finish its whole 3 s job.',
    stillNull: "{name}'s exit code was still null: it is known only once the child has exited, after `await p.join()`.",

    crasherStderr: "the crasher's error went to its own stderr",
    crasherStderrHint: 'An uncaught error in a child is reported on stderr as `Process crasher:` followed by the stack. None was found: did crash() throw?',
    aStderrLine: 'a stderr line `Process crasher:`',
    reportWrittenByHand:
      'The `Process crasher:` report was not made by proclab: the crasher printed it itself and ended with an exit code of its own. ' +
      'Let the error escape: throw it in crash() and neither catch it nor call process.exit(); proclab prints the report and the exit code becomes 1.',
    anUncaughtError: 'an uncaught error in the crasher (proclab reports it)',
    noUncaughtError: 'no uncaught error: the report was printed by the program',
    emptyStderr: 'empty stderr',

    notAlive: 'isAlive() is false for every child after join',
    notAliveHint: 'After `await p.join()` a child has exited, so p.isAlive() should print false. Print the report only after joining every child.',
  },
  'zh-CN': {
    lesson: '第 05 课：生命周期与退出码',

    printJoined: '父进程 join {name} 之后，应当打印 `joined {name} pid=… exitCode=… alive=…`。请保留受保护代码块末尾的那个报告循环。',
    aJoinedLine: '{name} 的一行，匹配 {pattern}',
    noSuchLine: '没有这样的行',

    exits: '即使有子进程崩溃，程序也正常退出',
    exitsHint:
      '父进程应当以退出码 0 结束：子进程崩溃只会结束那一个子进程。如果父进程失败了，说明错误是在父进程里抛出的：' +
      '请在 crash() 里抛出它（crash() 在子进程中运行），而不是在受保护的代码块里。',

    reportedOnce: 'join 之后，四个子进程各被报告了一次',
    reportedOnceHint:
      '父进程应当为每个子进程打印一行 `joined …`：finisher、crasher、quitter 和 sleeper。请保留那四个 Process 对象和报告循环。',

    joinedFirst: '父进程在报告之前 join 了每一个子进程',
    joinedFirstHint:
      '父进程打印 `joined …` 报告时，并没有 join 每一个子进程：它用了别的办法等待，而不是 join' +
      '（sleep，或者一个带超时、在子进程仍在运行时就返回的 join）。sleep 只是猜测；只有 `await p.join()` 之后，' +
      '子进程才一定已经结束。请在报告之前保留 `for (const p of children) await p.join()`。',

    realPids: '每一行报告显示的都是它所说的那个子进程的 pid',
    realPidsHint:
      '`joined {name} …` 这一行显示的 pid 不是那个子进程的 pid：请打印子进程自己的 `p.pid`。`process.pid` 是运行这一行代码的进程（也就是父进程）的 pid。',

    exitCodeOf: '{name} 的退出码是 {code}',
    notTerminated:
      'sleeper 以 -15 结束，但不是被父进程的 `sleeper.terminate()` 停止的（追踪记录里没有这个调用）：子进程给自己发 SIGTERM，' +
      '或者用 `process.kill(pid)` 发信号，都只是模仿。请在受保护的代码块里、join(500) 之后调用 `sleeper.terminate()`。',
    realExit: '子进程实际以 exitCode={real} 结束（来自追踪记录）；报告里写的是 exitCode={printed}',
    notReal: '{name} 实际以退出码 {real} 结束（来自追踪记录），但它的报告写的却不是这个：请打印 `p.exitCode` 本身，绝不要自己写一个数字。',
    finisher: 'finisher 正常返回，所以它的退出码应当是 0。请保持 finish() 不变。',
    crasher: 'crasher 应当死于一个未捕获的错误，这会得到退出码 1：请在 crash() 里抛出一个 Error，并且不要捕获它。',
    quitter: 'quitter 应当以退出码 3 结束：请在 quit() 里调用 process.exit(3)。',
    sleeper:
      'sleeper 应当被它的父进程停止：在 join(500) 之后调用 sleeper.terminate()。被 SIGTERM（信号 15）杀死的子进程，' +
      '退出码是 -15；如果是 0，说明它被放任跑完了整整 3 秒的工作。',
    stillNull: '{name} 的退出码仍然是 null：只有子进程退出之后（在 `await p.join()` 之后）才能知道它的退出码。',

    crasherStderr: 'crasher 的错误输出到了它自己的 stderr',
    crasherStderrHint: '子进程里未捕获的错误会输出到 stderr：先是 `Process crasher:`，后面跟着调用栈。这里没有找到：crash() 抛出错误了吗？',
    aStderrLine: 'stderr 中有一行 `Process crasher:`',
    reportWrittenByHand:
      '这行 `Process crasher:` 报告不是 proclab 输出的：是 crasher 自己打印出来，再用自己选的退出码结束的。' +
      '请让错误逃出去：在 crash() 里抛出它，既不要捕获，也不要调用 process.exit()；proclab 会输出报告，退出码会是 1。',
    anUncaughtError: 'crasher 中有一个未捕获的错误（由 proclab 报告）',
    noUncaughtError: '没有未捕获的错误：这份报告是程序自己打印的',
    emptyStderr: 'stderr 为空',

    notAlive: 'join 之后，每个子进程的 isAlive() 都是 false',
    notAliveHint: '`await p.join()` 之后子进程已经退出，所以 p.isAlive() 应当打印 false。请在 join 完所有子进程之后再打印报告。',
  },
})
