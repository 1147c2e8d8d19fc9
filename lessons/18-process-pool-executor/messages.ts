import { defineMessages } from '@proclab/harness'

/** Every check name and hint of this lesson's test, in English and in Chinese. */
export const messages = defineMessages({
  en: {
    lesson: 'lesson 18: futures from a ProcessPoolExecutor',

    exits: 'the program exits normally',
    resultOfCancelled:
      'The program crashed with CancelledError: it asked a cancelled future for its result. A cancelled future never ' +
      'ran, so it has no result: check `future.cancelled()` first and print `result: slowSquare(<n>) was cancelled, it never ran`.',
    divideRethrown:
      "The program crashed with divide's RangeError. `await future.result()` (or `await future`) rethrows a task's error " +
      'in the main program; `await future.exception()` hands it to you instead, as a value. Use exception() for the divide future.',
    exitsHint: 'The program should finish without an error.',

    inWorker: 'the tasks ran in the executor’s worker, not in the main program',
    keepMainLine: 'Keep the first line of the main program: `main: pid=${process.pid}`.',
    neverRan: 'slowSquare never ran: submit it once per number with `executor.submit(slowSquare, n)`.',
    taskLines: 'lines `task: slowSquare(<n>) pid=<pid>`',
    none: 'none',
    ranInMain:
      'slowSquare ran in the main program itself (pid {pid}), so no worker process did anything: it was called ' +
      'directly, `slowSquare(n)`. Hand it to the executor instead: `executor.submit(slowSquare, n)` sends the call to a ' +
      'worker process and gives you back a Future.',
    everyInWorker: 'every task in a worker, whose pid is not {pid}',
    inMainFound: '{tasks} in the main program, pid {pid}',
    oneWorker: 'All the squares should run in one worker process: create the executor with `{ maxWorkers: 1 }`.',
    oneWorkerPid: 'one worker pid',

    squares: 'each task that was not cancelled returned its square',
    noResultLine: '(no result line)',
    printedFuture: 'A result line shows the future itself, not its value. Wait for the value: `const value = await future.result()`.',
    printResults:
      'For every number except the last, print `result: slowSquare(<n>) = <value>` with the value from ' +
      '`await future.result()`, in the loop over the futures.',

    cancelled: 'the last future was cancelled while it was still queued, so it never ran',
    noCancelLine:
      'No `cancel: …` line. Right after submitting, call `cancel()` on the last future and print ' +
      '`cancel: slowSquare(<n>) cancel()=<what it returned> cancelled()=<future.cancelled()> done()=<future.done()>`.',
    cancelLast: 'Cancel the last future, the one of slowSquare({last}).',
    cancelTooLate:
      'cancel() returned false: a worker had already taken the task, and a task that has started cannot be cancelled. ' +
      'With `maxWorkers: 1` the worker holds at most two tasks, so the last of five is still in the queue right after ' +
      'submit(). Call cancel() straight after submitting, before any `await`.',
    printCancelled: 'After a successful cancel(), `future.cancelled()` is true: print what it returns.',
    printDone: 'A cancelled future is done (it will never change again): print `future.done()`.',
    ranAnyway:
      'slowSquare({last}) ran although the program printed that it was cancelled: a future whose cancel() really ' +
      'returned true never runs, so that future was not cancelled (the cancel line was printed without calling ' +
      "`cancel()` on it, or on another future). Call `const withdrawn = last.cancel()` on the future submit() " +
      'returned for slowSquare({last}), and print what withdrawn, `last.cancelled()` and `last.done()` return.',
    noValue:
      'In the loop over the results, a cancelled future has no value: when `future.cancelled()`, print ' +
      '`result: slowSquare({last}) was cancelled, it never ran` instead of asking for its result.',

    divide: 'divide(7, 0) failed in the worker and its error came back through exception()',
    noTaskFailed:
      'The program printed an `exception:` line, but no task failed: the trace has no task that threw in a worker. ' +
      'Submit the division that fails, `executor.submit(divide, 7, 0)`, and print what `await failing.exception()` ' +
      'resolves to, not a message of your own.',
    taskFailed: 'a task that threw in a pool worker',
    noTaskFailedFound: 'every task returned',
    divideNeverRan: 'divide never ran: submit it with `executor.submit(divide, 7, 0)` and keep the future it returns.',
    divideInMain: 'divide ran in the main program (pid {pid}): submit it to the executor instead of calling it.',
    workerPid: "a worker's pid, not {pid}",
    noExceptionLine:
      "No `exception: …` line. Get divide's error with `const error = await future.exception()` (it waits for the task " +
      'and resolves to its error, or null) and print `exception: ${error.name}: ${error.message}`.',
    nameAndMessage: 'The error thrown in the worker comes back with its name and message: print `exception: ${error.name}: ${error.message}`.',
  },
  'zh-CN': {
    lesson: '第 18 课：ProcessPoolExecutor 返回的 future',

    exits: '程序正常退出',
    resultOfCancelled:
      '程序因 CancelledError 崩溃了：它向一个已取消的 future 要结果。已取消的 future 从未' +
      '运行过，所以没有结果：请先检查 `future.cancelled()`，并打印 `result: slowSquare(<n>) was cancelled, it never ran`。',
    divideRethrown:
      '程序因 divide 的 RangeError 崩溃了。`await future.result()`（或 `await future`）会在主程序里重新抛出任务的错误；' +
      '而 `await future.exception()` 会把错误作为一个值交给你。对 divide 的 future，请使用 exception()。',
    exitsHint: '程序应当运行结束，并且没有出错。',

    inWorker: '任务是在 executor 的工作进程里运行的，而不是在主程序里',
    keepMainLine: '请保留主程序的第一行：`main: pid=${process.pid}`。',
    neverRan: 'slowSquare 从未运行：请为每个数用 `executor.submit(slowSquare, n)` 提交一次。',
    taskLines: '若干行 `task: slowSquare(<n>) pid=<pid>`',
    none: '没有',
    ranInMain:
      'slowSquare 是在主程序自己里面运行的（pid {pid}），所以没有任何工作进程干活：它被直接调用了，' +
      '即 `slowSquare(n)`。请改为把它交给 executor：`executor.submit(slowSquare, n)` 会把这次调用发给一个' +
      '工作进程，并返回一个 Future。',
    everyInWorker: '每个任务都在一个 pid 不是 {pid} 的工作进程里',
    inMainFound: '{tasks} 在主程序里，pid {pid}',
    oneWorker: '所有的平方都应当在同一个工作进程里运行：请用 `{ maxWorkers: 1 }` 创建 executor。',
    oneWorkerPid: '一个工作进程 pid',

    squares: '每个没有被取消的任务都返回了它的平方',
    noResultLine: '（没有结果行）',
    printedFuture: '有一行结果显示的是 future 本身，而不是它的值。请等待这个值：`const value = await future.result()`。',
    printResults:
      '在遍历 future 的循环里，对除最后一个以外的每个数，用 `await future.result()` 得到的值' +
      '打印 `result: slowSquare(<n>) = <value>`。',

    cancelled: '最后一个 future 在还在排队时就被取消了，所以它从未运行',
    noCancelLine:
      '没有 `cancel: …` 这一行。请在提交之后立即对最后一个 future 调用 `cancel()`，并打印 ' +
      '`cancel: slowSquare(<n>) cancel()=<what it returned> cancelled()=<future.cancelled()> done()=<future.done()>`。',
    cancelLast: '请取消最后一个 future，也就是 slowSquare({last}) 的那个。',
    cancelTooLate:
      'cancel() 返回了 false：某个工作进程已经拿走了这个任务，而已经开始的任务是无法取消的。' +
      '在 `maxWorkers: 1` 下，工作进程最多持有两个任务，所以在 submit() 之后，五个任务中的最后一个' +
      '还在队列里。请在提交之后、任何 `await` 之前，立即调用 cancel()。',
    printCancelled: 'cancel() 成功之后，`future.cancelled()` 为 true：请打印它的返回值。',
    printDone: '已取消的 future 就是已完成的（它再也不会变化）：请打印 `future.done()`。',
    ranAnyway:
      '程序打印说 slowSquare({last}) 已被取消，它却还是运行了：cancel() 真正返回 true 的 future 永远不会运行，' +
      '所以那个 future 并没有被取消（取消那一行是在没有对它调用 `cancel()` 的情况下打印的，或者取消的是另一个 future）。' +
      '请对 submit() 为 slowSquare({last}) 返回的 future 调用 `const withdrawn = last.cancel()`，' +
      '并打印 withdrawn、`last.cancelled()` 和 `last.done()` 的返回值。',
    noValue:
      '在遍历结果的循环里，已取消的 future 没有值：当 `future.cancelled()` 时，请打印 ' +
      '`result: slowSquare({last}) was cancelled, it never ran`，而不是去要它的结果。',

    divide: 'divide(7, 0) 在工作进程里失败，它的错误通过 exception() 传了回来',
    noTaskFailed:
      '程序打印了 `exception:` 这一行，但没有任何任务失败：追踪记录里没有在工作进程里抛出错误的任务。' +
      '请提交那个会失败的除法 `executor.submit(divide, 7, 0)`，并打印 `await failing.exception()` 给出的结果，而不是你自己写的消息。',
    taskFailed: '一个在进程池工作进程里抛出错误的任务',
    noTaskFailedFound: '每个任务都正常返回了',
    divideNeverRan: 'divide 从未运行：请用 `executor.submit(divide, 7, 0)` 提交它，并保留它返回的 future。',
    divideInMain: 'divide 是在主程序里运行的（pid {pid}）：请把它提交给 executor，而不是直接调用它。',
    workerPid: '一个工作进程的 pid，而不是 {pid}',
    noExceptionLine:
      '没有 `exception: …` 这一行。请用 `const error = await future.exception()` 拿到 divide 的错误（它会等待任务，' +
      '并 resolve 为任务的错误，或者 null），然后打印 `exception: ${error.name}: ${error.message}`。',
    nameAndMessage: '工作进程里抛出的错误会连同它的名字和消息一起传回来：请打印 `exception: ${error.name}: ${error.message}`。',
  },
})
