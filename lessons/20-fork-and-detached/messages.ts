import { defineMessages } from '@proclab/harness'

/** Every check name and hint of this lesson's test, in English and in Chinese. */
export const messages = defineMessages({
  en: {
    lesson: 'lesson 20: a detached background process (Linux: the checks read /proc)',
    timeout:
      'The starter should end right after starting the background process, but the program never finished. Either the ' +
      'starter waited for its child (keep `child.unref()` after spawn(): a service never exits, so there is nothing to ' +
      "wait for), or the child kept the starter's output open (keep `stdio: 'ignore'`: a child that holds the starter's " +
      'stdout keeps the program looking unfinished for as long as the child runs).',
    notDetached:
      "The background process was still in your program's process group and session after the starter had exited, so it " +
      'was stopped as a leftover. A Ctrl-C or a closed terminal would take it down the same way. A background service must ' +
      'leave them: add `detached: true` to the spawn() options in startBackground(). On Linux the child then calls ' +
      'setsid() and leads a session of its own.',

    starterExits: 'the starter exits at once, with code 0',
    starterExitsHint: 'The starter should start the background process and exit without an error.',
    printStarted: 'The starter should still print `starter pid=…: started background pid=…, pidfile …` after spawn(): keep that line.',

    wrotePidfile: 'the background process wrote its own pid to the pidfile',
    runningNoPidfile: 'The background process is running (pid {pids}), but it never wrote its pidfile.',
    runItByHand:
      "Its output goes to /dev/null, so an error in it is invisible: run that part in the foreground to see it, from this folder: " +
      '`npx tsx exercise.ts --background /tmp/try.pid` (stop it with `kill $(cat /tmp/try.pid)` from another terminal).',
    endedNoPidfile: 'The background process ended without writing its pidfile. {byHand}',
    writePidfile:
      "{state} The test passes the pidfile's path as the program's argument, and the starter hands it on. In " +
      "runBackground(), write the background process's own pid there: `writeFileSync(pidfile, `${process.pid}\\n`, { mode: 0o644 })`.",
    theFile: 'the file {file}',
    noFileAfter: 'no such file after {seconds} s',
    pidAlone: 'The pidfile should hold the pid alone, in digits (a newline after it is fine): `${process.pid}\\n`.',
    aPid: 'a pid, such as 4242',
    pidOfBackground:
      'The pidfile should name the background process, whose pid the starter printed. Write `process.pid` from ' +
      "runBackground(), which runs in the background process: in startBackground() it is the starter's pid.",
    notOurs:
      'The pid in the pidfile, {pid}, belongs to a process that your program did not start: the test will not signal it. ' +
      'Print `child.pid` in the starter and write `process.pid` from runBackground().',
    commandLineHolds: 'a process whose command line holds {file}',

    outlived: 'the background process outlived its starter',
    alreadyEnded:
      'The background process (pid {pid}) had already ended, although nobody had stopped it. A service runs until it is ' +
      'told to stop: keep the `setInterval` that stands for its work at the end of runBackground(). {byHand}',
    stillRunningAfter: 'pid {pid} still running after its starter (pid {starter}) exited',
    pidGone: 'pid {pid} gone',

    ownSession: 'the background process leads a session of its own',
    starterSession: " (the starter's session)",
    testSession: " (the test's session)",
    leaveSession:
      "The background process should have left its starter's session: spawn it with `detached: true`, so that it calls " +
      'setsid() and becomes the leader of a new session (its session id is then its own pid).',
    sessionOwnPid: 'session id {pid}, its own pid',
    sessionFound: 'session id {sid}{whose}',
    otherSession: "a session other than the test's ({sid})",
    sessionId: 'session id {sid}',

    rootAndUmask: 'the background process works from / with umask 0',
    chdirRoot:
      '{seconds} s after writing its pidfile, the background process still worked from the folder it was started ' +
      "from, which could not be unmounted while it runs: it never called `process.chdir('/')`. Call it in " +
      'runBackground(), the function the background process runs (not in the starter), at its start.',
    umaskZero:
      "The background process should not depend on the file mode mask of whoever started it: call `process.umask(0)` " +
      'at the start of runBackground(), and give the files it creates their mode yourself (`{ mode: 0o644 }` for the pidfile).',

    sigterm: 'SIGTERM stops it, and it removes its pidfile on the way out',
    stillRunningAfterSigterm:
      "The background process was still running {seconds} s after SIGTERM. A SIGTERM handler replaces the " +
      "signal's default action, which was to end the process: so the handler has to end it, with `process.exit(0)` " +
      'once it has removed the pidfile.',
    goneAfterSigterm: 'pid {pid} gone after SIGTERM',
    stillRunning: 'pid {pid} still running',
    pidfileLeft:
      'The background process ended on SIGTERM but left its pidfile behind, naming a process that no longer exists. ' +
      'Without a handler, SIGTERM ends Node before any of your code runs. In runBackground(), before writing the ' +
      "pidfile, add `process.once('SIGTERM', () => { rmSync(pidfile, { force: true }); process.exit(0) })`.",
    noFile: 'no file {file}',
    pidfileHolding: 'the pidfile, still holding {text}',
  },
  'zh-CN': {
    lesson: '第 20 课：一个脱离的后台进程（Linux：这些检查读取 /proc）',
    timeout:
      '启动进程应当在启动后台进程之后立即结束，但程序一直没有结束。要么是启动进程在等待它的子进程' +
      '（请在 spawn() 之后保留 `child.unref()`：服务进程永远不会退出，所以没有什么可等的），要么是子进程' +
      "一直占用着启动进程的输出（请保留 `stdio: 'ignore'`：只要持有启动进程 stdout 的子进程还在运行，" +
      '程序看起来就一直没有结束）。',
    notDetached:
      '启动进程退出之后，后台进程仍然留在你的程序的进程组和会话里，所以它被当作残留进程停掉了。' +
      '按一下 Ctrl-C 或者关掉终端，也会以同样的方式把它带走。后台服务必须离开它们：' +
      '请在 startBackground() 的 spawn() 选项里加上 `detached: true`。在 Linux 上，子进程随后会调用 ' +
      'setsid()，成为一个新会话的首进程。',

    starterExits: '启动进程立即退出，退出码为 0',
    starterExitsHint: '启动进程应当启动后台进程，然后没有错误地退出。',
    printStarted: '启动进程仍应在 spawn() 之后打印 `starter pid=…: started background pid=…, pidfile …`：请保留这一行。',

    wrotePidfile: '后台进程把它自己的 pid 写进了 pid 文件',
    runningNoPidfile: '后台进程正在运行（pid {pids}），但它始终没有写 pid 文件。',
    runItByHand:
      '它的输出去了 /dev/null，所以它里面的错误是看不见的：请在这个文件夹里，把这一部分放到前台运行来查看：' +
      '`npx tsx exercise.ts --background /tmp/try.pid`（在另一个终端里用 `kill $(cat /tmp/try.pid)` 停止它）。',
    endedNoPidfile: '后台进程没有写 pid 文件就结束了。{byHand}',
    writePidfile:
      '{state}测试把 pid 文件的路径作为程序的参数传入，启动进程再把它传下去。请在 ' +
      "runBackground() 里，把后台进程自己的 pid 写进去：`writeFileSync(pidfile, `${process.pid}\\n`, { mode: 0o644 })`。",
    theFile: '文件 {file}',
    noFileAfter: '{seconds} 秒之后仍没有这个文件',
    pidAlone: 'pid 文件里应当只有 pid，用数字表示（后面跟一个换行也可以）：`${process.pid}\\n`。',
    aPid: '一个 pid，例如 4242',
    pidOfBackground:
      'pid 文件应当指向后台进程，也就是启动进程打印出来的那个 pid。请在 runBackground() 里写入 `process.pid`，' +
      'runBackground() 运行在后台进程里：而在 startBackground() 里，它是启动进程的 pid。',
    notOurs:
      'pid 文件里的 pid {pid} 属于一个不是你的程序启动的进程：测试不会给它发信号。' +
      '请在启动进程里打印 `child.pid`，并在 runBackground() 里写入 `process.pid`。',
    commandLineHolds: '一个命令行里包含 {file} 的进程',

    outlived: '后台进程比它的启动进程活得更久',
    alreadyEnded:
      '后台进程（pid {pid}）已经结束了，尽管没有人停止过它。服务进程会一直运行，直到被告知停止：' +
      '请保留 runBackground() 末尾代表它的工作的那个 `setInterval`。{byHand}',
    stillRunningAfter: '启动进程（pid {starter}）退出之后，pid {pid} 仍在运行',
    pidGone: 'pid {pid} 已经不在了',

    ownSession: '后台进程是它自己会话的首进程',
    starterSession: '（启动进程的会话）',
    testSession: '（测试的会话）',
    leaveSession:
      '后台进程应当离开它的启动进程的会话：请用 `detached: true` 来 spawn 它，这样它会调用 ' +
      'setsid()，成为一个新会话的首进程（它的会话 id 也就是它自己的 pid）。',
    sessionOwnPid: '会话 id {pid}，即它自己的 pid',
    sessionFound: '会话 id {sid}{whose}',
    otherSession: '一个不同于测试所在会话（{sid}）的会话',
    sessionId: '会话 id {sid}',

    rootAndUmask: '后台进程在 / 下工作，umask 为 0',
    chdirRoot:
      '写完 pid 文件 {seconds} 秒之后，后台进程的工作目录仍是启动它时所在的文件夹，只要它还在运行，' +
      "那个文件夹就无法被卸载：它从未调用 `process.chdir('/')`。请在 runBackground()（后台进程运行的函数，" +
      '而不是启动进程）的开头调用它。',
    umaskZero:
      '后台进程不应依赖启动它的人的文件模式掩码：请在 runBackground() 的开头调用 `process.umask(0)`，' +
      '并自己给它创建的文件设置模式（pid 文件用 `{ mode: 0o644 }`）。',

    sigterm: 'SIGTERM 能停止它，并且它在退出时删除了自己的 pid 文件',
    stillRunningAfterSigterm:
      '收到 SIGTERM {seconds} 秒之后，后台进程仍在运行。SIGTERM 处理函数会取代这个信号的默认动作，' +
      '而默认动作本来是结束进程：所以处理函数必须自己结束进程，在删除 pid 文件之后调用 `process.exit(0)`。',
    goneAfterSigterm: '收到 SIGTERM 之后，pid {pid} 不在了',
    stillRunning: 'pid {pid} 仍在运行',
    pidfileLeft:
      '后台进程收到 SIGTERM 后结束了，却留下了它的 pid 文件，里面写着一个已经不存在的进程。' +
      '没有处理函数的话，SIGTERM 会在你的任何代码运行之前就结束 Node。请在 runBackground() 里、写 pid 文件之前，' +
      "加上 `process.once('SIGTERM', () => { rmSync(pidfile, { force: true }); process.exit(0) })`。",
    noFile: '没有文件 {file}',
    pidfileHolding: 'pid 文件仍在，内容是 {text}',
  },
})
