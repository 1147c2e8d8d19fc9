import { defineMessages } from '@proclab/harness'

/** Every check name and hint of this lesson's test, in English and in Chinese. */
export const messages = defineMessages({
  en: {
    lesson: 'lesson 08: passing data through a Queue',

    exits: 'the program exits normally',
    exitsHint: 'The program should finish without an error.',
    timeout:
      'The program did not finish. Most likely the reader waits in `await q.get()` for a fourth item that the writer ' +
      'never put: a writer that skips put() when `q.full()` is true drops 44 here (the slow reader lets the queue ' +
      'fill up), and `await r.join()` then waits for the reader for ever. Call `await q.put(n)` for every number: ' +
      'put() itself waits for room. If every put is there, check that the reader takes exactly DATA.length items ' +
      'and that it uses getNowait(), not get(), once the queue is drained.',

    writerPut: 'the writer put 11, 22, 33 and 44',
    writerPutHint:
      'The writer should put every number of DATA on the queue and print `writer: put <n>` after each: in the loop of ' +
      'writer(), `await q.put(n)` and then print the line.',
    writerPutsItself:
      'The `writer: put <n>` lines must come from the writer process, which puts the numbers on the queue: here ' +
      'another process printed them. Leave the puts and these lines in writer(), which runs in the child named ' +
      "'writer'; the main process only starts and joins the children.",

    readerGot: 'the reader got [11, 22, 33, 44], in order',
    readerCrashed: 'The reader crashed before printing `reader: got [...]`: read its error on stderr below.',
    readerPrints: 'The reader should print `reader: got [...]` once it has taken its items: keep that line in reader().',
    readerGetsItself:
      "The `reader: got [...]` line must come from the reader process, which takes the items off the queue: here " +
      "another process printed it. Take the items with `await q.get()` in reader(), which runs in the child named " +
      "'reader', and print the line there.",
    printJson: 'Print the list as JSON, as the starter does: `reader: got ${JSON.stringify(got)}`.',
    tookNothing:
      'The reader took nothing off the queue. In reader(), call `await q.get()` once per item (DATA.length times) and push ' +
      'each result onto `got`. get() waits until the writer has put something, so no extra sleep is needed to wait for it.',
    stoppedEarly:
      'The reader stopped too early. Take exactly DATA.length items with `await q.get()`; do not stop when `q.empty()` is ' +
      'true: the writer may just not have put the next number yet.',
    firstInFirstOut:
      'A Queue is first in, first out: with one writer, the reader gets the numbers in the order they were put. Push each ' +
      'item onto `got` as it arrives, without sorting or skipping.',

    caughtEmpty: 'the reader caught Empty once the queue was drained',
    emptyUncaught:
      'getNowait() threw mp.Empty, but nothing caught it, so the reader crashed (see stderr). Call it inside try { … } ' +
      'catch (error) { … } and print `reader: drained, getNowait() threw Empty` when `error instanceof mp.Empty`.',
    showDrained:
      'After its four items the reader should show that the queue is drained: call `await q.getNowait()` (it never waits) ' +
      'inside try/catch, and when the error is an mp.Empty print `reader: drained, getNowait() threw Empty`. ' +
      'A plain get() would wait forever instead.',
    drainedAfterGot: 'The reader should try getNowait() only after it has taken all four items and printed them.',
    polled:
      "Before it had its four items, the reader's getNowait() found the queue empty and threw Empty (×{count}): " +
      'that is polling, a busy loop that guesses when the next item comes. Take each item with `await q.get()`, which waits until one is there.',
    noEmptyBeforeGot: 'no Empty thrown to the reader before its `reader: got` line',
    emptiesBeforeGot: '{count} Empty thrown to the reader before it',
    emptyNotRaised:
      "The reader printed the drained line, but its getNowait() never threw mp.Empty (the trace has no such error): the line " +
      'must come from the `catch` of a real `await q.getNowait()` on the drained queue, not from a test of empty() or from nothing at all.',
  },
  'zh-CN': {
    lesson: '第 08 课：通过队列传递数据',

    exits: '程序正常退出',
    exitsHint: '程序应当运行结束，并且没有出错。',
    timeout:
      '程序没有结束。最可能的原因是：读取进程在 `await q.get()` 里等待第四项，而写入进程从来没有放入它：' +
      '如果写入进程在 `q.full()` 为 true 时跳过 put()，这里就会丢掉 44（读取进程启动得慢，队列会先被放满），' +
      '于是 `await r.join()` 会一直等读取进程。请对每个数都调用 `await q.put(n)`：put() 自己会等到有空位。' +
      '如果每次 put 都在，再检查读取进程是否恰好取了 DATA.length 项，以及队列取空后用的是 getNowait() 而不是 get()。',

    writerPut: '写入进程放入了 11、22、33 和 44',
    writerPutHint:
      '写入进程应当把 DATA 中的每个数都放进队列，并在每次放入之后打印 `writer: put <n>`：在 writer() 的循环里先 ' +
      '`await q.put(n)`，再打印这一行。',
    writerPutsItself:
      '`writer: put <n>` 这几行必须由写入进程打印，因为是它把数放进队列的：这里它们是别的进程打印的。' +
      "请把 put 和这几行留在 writer() 里，它运行在名为 'writer' 的子进程中；主进程只负责启动和 join 子进程。",

    readerGot: '读取进程按顺序取到了 [11, 22, 33, 44]',
    readerCrashed: '读取进程在打印 `reader: got [...]` 之前就崩溃了：请阅读下面 stderr 中的错误。',
    readerPrints: '读取进程取完数据后应当打印 `reader: got [...]`：请保留 reader() 里的这一行。',
    readerGetsItself:
      '`reader: got [...]` 这一行必须由读取进程打印，因为是它从队列里取数据的：这里它是别的进程打印的。' +
      "请在 reader() 里用 `await q.get()` 取数据并在那里打印这一行，reader() 运行在名为 'reader' 的子进程中。",
    printJson: '像初始代码那样，把列表以 JSON 格式打印出来：`reader: got ${JSON.stringify(got)}`。',
    tookNothing:
      '读取进程没有从队列里取到任何东西。请在 reader() 里对每一项调用一次 `await q.get()`（共 DATA.length 次），' +
      '并把每个结果 push 进 `got`。get() 会一直等到写入进程放入数据，所以不需要再加 sleep 来等它。',
    stoppedEarly:
      '读取进程停得太早了。请用 `await q.get()` 恰好取 DATA.length 项；不要在 `q.empty()` 为 true 时停下：' +
      '那可能只是写入进程还没来得及放入下一个数。',
    firstInFirstOut:
      'Queue 是先进先出的：只有一个写入进程时，读取进程取到数的顺序就是它们被放入的顺序。每取到一项就 push 进 ' +
      '`got`，不要排序，也不要跳过。',

    caughtEmpty: '队列取空后，读取进程捕获了 Empty',
    emptyUncaught:
      'getNowait() 抛出了 mp.Empty，但没有代码捕获它，于是读取进程崩溃了（见 stderr）。请在 try { … } ' +
      'catch (error) { … } 里调用它，并在 `error instanceof mp.Empty` 时打印 `reader: drained, getNowait() threw Empty`。',
    showDrained:
      '取完四项之后，读取进程应当表明队列已经空了：在 try/catch 里调用 `await q.getNowait()`（它从不等待），' +
      '当错误是 mp.Empty 时打印 `reader: drained, getNowait() threw Empty`。' +
      '如果用普通的 get()，它会一直等下去。',
    drainedAfterGot: '读取进程应当在取完全部四项并打印出来之后，才尝试 getNowait()。',
    polled:
      '读者进程在拿到四个元素之前，它的 getNowait() 发现队列是空的并抛出了 Empty（{count} 次）：这是轮询，一个靠猜测下一个元素何时到来的忙循环。' +
      '请用 `await q.get()` 取每个元素，它会一直等到有元素为止。',
    noEmptyBeforeGot: '在 `reader: got` 这一行之前，读者进程没有收到任何 Empty',
    emptiesBeforeGot: '在它之前读者进程收到了 {count} 个 Empty',
    emptyNotRaised:
      '读者进程打印了“已取空”那一行，但它的 getNowait() 从来没有抛出 mp.Empty（追踪记录里没有这个错误）：这一行必须来自' +
      '对已取空的队列真正调用 `await q.getNowait()` 后的 `catch`，而不是来自对 empty() 的判断，更不能凭空打印。',
  },
})
