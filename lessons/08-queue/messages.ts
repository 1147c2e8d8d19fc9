import { defineMessages } from '@proclab/harness'

/** Every check name and hint of this lesson's test, in English and in Chinese. */
export const messages = defineMessages({
  en: {
    lesson: 'lesson 08: passing data through a Queue',

    exits: 'the program exits normally',
    exitsHint: 'The program should finish without an error.',

    writerPut: 'the writer put 11, 22, 33 and 44',
    writerPutHint:
      'The writer should put every number of DATA on the queue and print `writer: put <n>` after each: in the loop of ' +
      'writer(), `await q.put(n)` and then print the line.',

    readerGot: 'the reader got [11, 22, 33, 44], in order',
    readerCrashed: 'The reader crashed before printing `reader: got [...]`: read its error on stderr below.',
    readerPrints: 'The reader should print `reader: got [...]` once it has taken its items: keep that line in reader().',
    printJson: 'Print the list as JSON, as the starter does: `reader: got ${JSON.stringify(got)}`.',
    tookNothing:
      'The reader took nothing off the queue. In reader(), call `await q.get()` once per item (DATA.length times) and push ' +
      'each result onto `got`. get() waits until the writer has put something, so the reader needs no sleep.',
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
  },
  'zh-CN': {
    lesson: '第 08 课：通过队列传递数据',

    exits: '程序正常退出',
    exitsHint: '程序应当运行结束，并且没有出错。',

    writerPut: '写入进程放入了 11、22、33 和 44',
    writerPutHint:
      '写入进程应当把 DATA 中的每个数都放进队列，并在每次放入之后打印 `writer: put <n>`：在 writer() 的循环里先 ' +
      '`await q.put(n)`，再打印这一行。',

    readerGot: '读取进程按顺序取到了 [11, 22, 33, 44]',
    readerCrashed: '读取进程在打印 `reader: got [...]` 之前就崩溃了：请阅读下面 stderr 中的错误。',
    readerPrints: '读取进程取完数据后应当打印 `reader: got [...]`：请保留 reader() 里的这一行。',
    printJson: '像初始代码那样，把列表以 JSON 格式打印出来：`reader: got ${JSON.stringify(got)}`。',
    tookNothing:
      '读取进程没有从队列里取到任何东西。请在 reader() 里对每一项调用一次 `await q.get()`（共 DATA.length 次），' +
      '并把每个结果 push 进 `got`。get() 会一直等到写入进程放入数据，所以读取进程不需要 sleep。',
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
  },
})
