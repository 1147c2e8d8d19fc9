import { defineMessages } from '@proclab/harness'

/** Every check name and hint of this lesson's test, in English and in Chinese. */
export const messages = defineMessages({
  en: {
    lesson: 'lesson 10: talking through a Pipe',

    exits: 'the program exits normally',
    exitsHint: 'The program should finish without an error.',

    inOrder: 'the receiver got url_0 … url_9, in order',
    nothingPrinted:
      'The receiver printed no `receiver: got <url>` line. In receiver(), take each url with `await conn.recv()` and ' +
      'print `receiver: got ${url}`. Keep the sender and its `args: [sendEnd, URLS]` as they are.',
    stoppedEarly:
      'The receiver stopped before it had every url. It should keep calling recv() until recv() throws EOFError: ' +
      'EOF comes only after every url sent has been read, so nothing is lost. Do not stop because nothing has arrived yet.',
    keepsOrder:
      'A pipe keeps order: with one sender, the urls come out of recv() in the order they were sent, each once. ' +
      'Print each url as soon as recv() returns it.',

    endedOnEof: 'the receiver ended on EOFError',
    gaveUp:
      "The receiver never saw EOFError: it still waited in recv() 2 s after the sender had ended, and the starter's stopgap in the parent terminated it. The sender's exit closed its handle " +
      'to the send end, but the parent still holds its own copy of that end, so for the receiver more urls might come. ' +
      'Did the parent close its own copy of the send end after start()? Call `sendEnd.close()` (and `receiveEnd.close()`) ' +
      'right after `s.start()` and `r.start()`.',
    timeout:
      'The program did not finish. Most likely the receiver waits in `await conn.recv()` for ever: EOFError comes only ' +
      'once every handle to the send end is closed, and the parent still holds its copy. Call `sendEnd.close()` (and ' +
      '`receiveEnd.close()`) in the parent right after `s.start()` and `r.start()`, before `await s.join()`; meanwhile ' +
      '`await r.join()` waits for that receiver.',
    eofNotRaised:
      'The receiver printed `receiver: EOFError, got <n>`, but recv() never threw mp.EOFError in it: the line says the ' +
      'pipe ended, yet the receiver stopped for another reason (a count, a poll() that timed out). Loop with ' +
      '`await conn.recv()` until it throws, and print that line in the catch, when `error instanceof mp.EOFError`.',
    receiverPrints:
      "The receiver's lines must come from the receiver process, which reads the pipe: here another process printed " +
      "them. Print them in receiver(), which runs in the child named 'receiver'.",
    eofUncaught:
      'recv() threw mp.EOFError, but nothing caught it, so the receiver crashed (see stderr). That error is the normal ' +
      'end of the pipe: call recv() inside try { … } catch (error) { … }, and when `error instanceof mp.EOFError`, ' +
      'print `receiver: EOFError, got ${got}` and return. Rethrow any other error.',
    catchEof:
      'The receiver should end by printing `receiver: EOFError, got <n>` once recv() throws mp.EOFError: catch it ' +
      'around `await conn.recv()`. EOF comes only when every handle to the send end is closed: did the parent close ' +
      'its own copy of the send end after start()?',
    countEvery: 'The receiver should count every url it got (`got++` after each recv()) and print that count with its EOFError line.',

    joinedAfter: 'the parent joined both children after the receiver had ended',
    printJoined:
      'The parent should print `main: joined, sender exitCode=…, receiver exitCode=…` once both children have exited: ' +
      'keep `await s.join()`, `await r.join()` and that line at the end.',
    receiverCrashed:
      'The receiver crashed (exit code 1): read its stderr below. An uncaught EOFError means recv() reached the end ' +
      'of the pipe and nothing caught it: catch mp.EOFError around recv().',
    bothNormal:
      'Both children should end normally, with exit code 0: the sender once it has sent every url, the receiver once ' +
      'recv() has thrown EOFError.',
    joinReceiver: 'The parent printed its last line before the receiver had ended: `await r.join()` before that line.',
    joinBoth:
      'The parent printed `main: joined, …` without having joined both children with `await s.join()` and `await r.join()`: ' +
      'polling isAlive() or sleeping only guesses when they end, and a child not joined may not have ended at all.',
    closedBeforeStart:
      "The parent closed an end before `start()` had handed it to a child, so start() could not send it (see the StateError " +
      'below). Start both children first, then close the parent\'s copies: `s.start()`, `r.start()`, then `sendEnd.close()` and `receiveEnd.close()`.',
  },
  'zh-CN': {
    lesson: '第 10 课：通过管道通信',

    exits: '程序正常退出',
    exitsHint: '程序应当运行结束，并且没有出错。',

    inOrder: '接收进程按顺序收到了 url_0 … url_9',
    nothingPrinted:
      '接收进程一行 `receiver: got <url>` 都没有打印。请在 receiver() 里用 `await conn.recv()` 取出每个 url，并' +
      '打印 `receiver: got ${url}`。发送进程和它的 `args: [sendEnd, URLS]` 保持不变。',
    stoppedEarly:
      '接收进程还没收齐所有 url 就停下了。它应当一直调用 recv()，直到 recv() 抛出 EOFError：' +
      '只有发送的每个 url 都被读出之后才会出现 EOF，所以不会丢失任何数据。不要因为暂时没有数据到达就停下。',
    keepsOrder: '管道是保持顺序的：只有一个发送进程时，url 从 recv() 出来的顺序就是发送的顺序，每个一次。请在 recv() 一返回 url 就打印它。',

    endedOnEof: '接收进程在 EOFError 处结束',
    gaveUp:
      '接收进程始终没有遇到 EOFError：发送进程结束 2 秒之后它仍在 recv() 里等待，于是父进程里起始代码的临时方案终止了它。发送进程已经退出，这关闭了它持有的发送端句柄，' +
      '但父进程手里还有一份发送端的副本，所以在接收进程看来，可能还会有 url 到来。' +
      '父进程在 start() 之后关闭了自己那份发送端吗？请在 `s.start()` 和 `r.start()` 之后立即调用 `sendEnd.close()`' +
      '（以及 `receiveEnd.close()`）。',
    timeout:
      '程序没有结束。最可能的原因是：接收进程一直在 `await conn.recv()` 里等待：只有指向发送端的所有句柄都关闭之后，' +
      '才会出现 EOFError，而父进程手里还有一份发送端的副本。请在父进程里紧接着 `s.start()` 和 `r.start()`、' +
      '在 `await s.join()` 之前调用 `sendEnd.close()`（以及 `receiveEnd.close()`）；与此同时，`await r.join()` 在等这个接收进程。',
    eofNotRaised:
      '接收进程打印了 `receiver: EOFError, got <n>`，但 recv() 从来没有在它里面抛出 mp.EOFError：这一行声称管道已经结束，' +
      '接收进程却是因为别的原因停下的（数够了个数，或者 poll() 超时了）。请用 `await conn.recv()` 循环读取，直到它抛出错误，' +
      '并在 catch 里、当 `error instanceof mp.EOFError` 时打印这一行。',
    receiverPrints:
      "接收进程的这些行必须由接收进程打印，因为是它在读管道：这里它们是别的进程打印的。请在 receiver() 里打印它们，" +
      "receiver() 运行在名为 'receiver' 的子进程中。",
    eofUncaught:
      'recv() 抛出了 mp.EOFError，但没有代码捕获它，于是接收进程崩溃了（见 stderr）。这个错误就是管道正常的结尾：' +
      '请在 try { … } catch (error) { … } 里调用 recv()，当 `error instanceof mp.EOFError` 时，' +
      '打印 `receiver: EOFError, got ${got}` 并返回。其他错误请重新抛出。',
    catchEof:
      '当 recv() 抛出 mp.EOFError 时，接收进程应当打印 `receiver: EOFError, got <n>` 然后结束：请在 ' +
      '`await conn.recv()` 外面捕获它。只有指向发送端的所有句柄都关闭之后才会出现 EOF：父进程在 start() 之后' +
      '关闭了自己那份发送端吗？',
    countEvery: '接收进程应当数一数它收到的每个 url（每次 recv() 之后 `got++`），并在 EOFError 那一行里打印这个数。',

    joinedAfter: '接收进程结束之后，父进程 join 了两个子进程',
    printJoined:
      '两个子进程都退出之后，父进程应当打印 `main: joined, sender exitCode=…, receiver exitCode=…`：' +
      '请在最后保留 `await s.join()`、`await r.join()` 和这一行。',
    receiverCrashed:
      '接收进程崩溃了（退出码 1）：请阅读下面的 stderr。未捕获的 EOFError 表示 recv() 读到了管道的结尾，' +
      '却没有代码捕获它：请在 recv() 外面捕获 mp.EOFError。',
    bothNormal: '两个子进程都应当正常结束，退出码为 0：发送进程在发完每个 url 之后结束，接收进程在 recv() 抛出 EOFError 之后结束。',
    joinReceiver: '父进程在接收进程结束之前就打印了最后一行：请在那一行之前 `await r.join()`。',
    joinBoth:
      '父进程没有用 `await s.join()` 和 `await r.join()` join 两个子进程，就打印了 `main: joined, …`：' +
      '轮询 isAlive() 或者 sleep 只是在猜它们何时结束，没有 join 的子进程也可能根本还没结束。',
    closedBeforeStart:
      '父进程在 `start()` 把管道的一端交给子进程之前就关闭了它，所以 start() 无法发送它（见下方的 StateError）。' +
      '请先启动两个子进程，再关闭父进程自己的副本：`s.start()`、`r.start()`，然后 `sendEnd.close()` 和 `receiveEnd.close()`。',
  },
})
