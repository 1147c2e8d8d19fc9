import { defineMessages } from '@proclab/harness'

/** Every check name and hint of this lesson's test, in English and in Chinese. */
export const messages = defineMessages({
  en: {
    lesson: 'lesson 09: producers and consumers',

    exits: 'the program exits normally',
    exitsHint: 'The program should finish without an error.',
    timeout:
      'The program did not finish. Most likely the parent waits in `await r.join()` for the reader, which loops for ' +
      'ever and never returns by itself: stop it with `r.terminate()` before that join, once the six reports are in. ' +
      'Or the parent waits in `await handled.get()` for a report that never comes: take exactly six, and in the reader ' +
      '`await handled.put(url)` after each url.',

    allSix: 'the reader received all six urls, each once',
    nothingPrinted:
      'The reader printed no `reader: got <url>` line. In reader(), loop for ever: `const url = await q.get()`, print ' +
      '`reader: got ${url}`, then `await handled.put(url)`.',
    stoppedTooEarly:
      'Some urls were never printed by the reader: the parent stopped it too early. After joining the writers, take ' +
      'six reports with `await handled.get()` before `r.terminate()`, and in the reader print each url before reporting it.',
    eachOnce: 'Each url should be printed exactly once: take each with one `await q.get()` and print it once.',
    readerPrintsGot:
      'Every `reader: got <url>` line must come from the reader process, which takes the urls off the queue: here ' +
      "another process printed some. Print each url in reader(), which runs in the child named 'reader', right after " +
      'its `await q.get()`; the parent only counts the reports on `handled`.',

    writerOrder: "writer {writer}'s urls arrived in the order it put them",
    notAllArrived:
      "Not all of writer {writer}'s urls reached the reader (see the test above): the reader must keep getting until the " +
      'parent stops it.',
    fifoPerWriter:
      "A Queue is first in, first out for each producer: writer {writer}'s urls come out in the order it put them, " +
      "though the two writers' urls may be mixed in any way. Print each url in the reader as soon as you get it.",

    terminated: 'the parent stopped the reader with terminate()',
    printReaderExit: 'The parent should print `main: reader exitCode=…` once the reader has exited: keep `await r.join()` and that line at the end.',
    returnedByItself:
      "The reader returned by itself (exit code 0). Like the Python version's proc_read, it should loop for ever " +
      '(`for (;;) { … }`), and the parent should end it with `r.terminate()` once all six urls are handled.',
    exitCodeNull: 'The exit code was still null: it is known only once the reader has exited. Call `r.terminate()`, then `await r.join()`, then print.',
    crashed: 'The reader crashed (exit code 1): read its stderr below.',
    sigterm: 'terminate() sends SIGTERM (signal 15), so a reader stopped by it has exit code -15: stop it with `r.terminate()`, then `await r.join()`.',
    notTerminatedByParent:
      "The reader ended with -15, but the parent never called `r.terminate()` (the trace has no such call): a reader that sends " +
      'SIGTERM to itself only imitates it. Stop it from the parent, once the six reports are in.',
    joinBeforeExitCode:
      'The parent printed `main: reader exitCode=…` without having joined every child: join both writers, and after ' +
      '`r.terminate()` also `await r.join()`. Only after the join is the exit code known; a number written by hand is only a guess.',
  },
  'zh-CN': {
    lesson: '第 09 课：生产者与消费者',

    exits: '程序正常退出',
    exitsHint: '程序应当运行结束，并且没有出错。',
    timeout:
      '程序没有结束。最可能的原因是：父进程在 `await r.join()` 里等读取进程，而读取进程无限循环，自己永远不会返回：' +
      '请在收齐六个报告之后、在这个 join 之前，用 `r.terminate()` 停止它。也可能是父进程在 `await handled.get()` ' +
      '里等一个永远不会来的报告：请恰好取六个，并且在读取进程里每处理完一个 url 就 `await handled.put(url)`。',

    allSix: '读取进程收到了全部六个 url，每个一次',
    nothingPrinted:
      '读取进程一行 `reader: got <url>` 都没有打印。请在 reader() 里无限循环：`const url = await q.get()`，打印 ' +
      '`reader: got ${url}`，然后 `await handled.put(url)`。',
    stoppedTooEarly:
      '有些 url 读取进程始终没有打印出来：父进程停止它停得太早了。join 完写入进程之后，请在 `r.terminate()` 之前' +
      '用 `await handled.get()` 取回六个报告；并且在读取进程里，先打印每个 url，再报告它。',
    eachOnce: '每个 url 应当恰好打印一次：每个 url 用一次 `await q.get()` 取出，并且只打印一次。',
    readerPrintsGot:
      '每一行 `reader: got <url>` 都必须由读取进程打印，因为是它从队列里取 url 的：这里有些行是别的进程打印的。' +
      "请在 reader() 里、紧接着 `await q.get()` 打印每个 url，reader() 运行在名为 'reader' 的子进程中；父进程只负责清点 `handled` 上的报告。",

    writerOrder: '写入进程 {writer} 的 url 按它放入的顺序到达',
    notAllArrived: '写入进程 {writer} 的 url 没有全部到达读取进程（见上一个检查）：读取进程必须一直 get，直到父进程停止它。',
    fifoPerWriter:
      'Queue 对每个生产者都是先进先出的：写入进程 {writer} 的 url 会按它放入的顺序出来，' +
      '不过两个写入进程的 url 可能以任意方式交错。请在读取进程里一拿到 url 就打印它。',

    terminated: '父进程用 terminate() 停止了读取进程',
    printReaderExit: '读取进程退出之后，父进程应当打印 `main: reader exitCode=…`：请在最后保留 `await r.join()` 和这一行。',
    returnedByItself:
      '读取进程自己返回了（退出码 0）。它应当像 Python 版本的 proc_read 那样无限循环' +
      '（`for (;;) { … }`），并由父进程在六个 url 都处理完之后用 `r.terminate()` 结束它。',
    exitCodeNull: '退出码仍然是 null：只有读取进程退出之后才能知道它的退出码。请先调用 `r.terminate()`，再 `await r.join()`，然后打印。',
    crashed: '读取进程崩溃了（退出码 1）：请阅读下面的 stderr。',
    sigterm: 'terminate() 发送的是 SIGTERM（信号 15），所以被它停止的读取进程退出码是 -15：请用 `r.terminate()` 停止它，然后 `await r.join()`。',
    notTerminatedByParent:
      '读者进程以 -15 结束，但父进程从来没有调用 `r.terminate()`（追踪记录里没有这个调用）：读者进程给自己发 SIGTERM 只是模仿。' +
      '请在收齐六个报告之后，由父进程来停止它。',
    joinBeforeExitCode:
      '父进程在 join 所有子进程之前就打印了 `main: reader exitCode=…`：请 join 两个写者进程，并在 `r.terminate()` 之后也 ' +
      '`await r.join()`。只有 join 之后退出码才确定；自己写一个数字只是猜测。',
  },
})
