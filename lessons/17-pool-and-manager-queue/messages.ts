import { defineMessages } from '@proclab/harness'

/** Every check name and hint of this lesson's test, in English and in Chinese. */
export const messages = defineMessages({
  en: {
    lesson: 'lesson 17: pool tasks that talk through manager.Queue()',
    timeout:
      'A reader that uses a blocking get() waits forever once the queue is empty. The reader here takes items with ' +
      'getNowait() and stops at mp.Empty, and it must run only after every writer task has finished.',
    crashedInSection1: 'The program crashed in section 1 (see the first test), so section 2 never ran.',
    printReaderGot: 'The parent should print `main: the reader got [...]` at the end of section 2: keep that line.',

    exits: 'the program exits normally',
    refusalUncaught:
      'The pool refused the plain mp.Queue, as it should, but nothing caught the error, so the program crashed (see ' +
      'stderr). Wrap `await pool.apply(write, [plain, …])` in try { … } catch (error) { … } and print the message instead.',
    exitsHint: 'The program should finish without an error.',

    refused: "handing a plain mp.Queue to a pool task failed with proclab's message, and the program printed it",
    refusalCrashed:
      'The refusal crashed the program instead of being printed. Catch it around `await pool.apply(write, [plain, …])` ' +
      'and print `plain mp.Queue refused: ${error.message}`.',
    tryPlainQueue:
      'Section 1 should try to hand the plain mp.Queue to a pool task, catch the error, and print ' +
      '`plain mp.Queue refused: ${error.message}`.',
    ownMessage:
      "Print the error's own message, `error.message`: proclab's message explains why a pool task cannot take a plain " +
      'queue and names what to use instead.',
    notFromCore:
      'The refusal line did not come from proclab: the pool never refused anything, since the program did not hand it the plain queue. ' +
      'Really hand the plain queue to a task, `await pool.apply(write, [plain, NUMBERS[0]!])`, inside a try, and ' +
      'print what it threw, untouched: `plain mp.Queue refused: ${error.message}`.',
    coreMessage: 'the message of the error the pool threw: {message}',
    sectionOrder: 'Section 1 (the plain queue) should run before section 2 (the manager queue): keep their order.',

    writers: 'the writer tasks ran in pool workers, one per number',
    noWriterAfterCrash:
      'The program crashed in section 1 (see the first test), so section 2 never ran. In section 2, start a manager, ' +
      '`await using manager = await mp.Manager()`, ' +
      'make `const q = await manager.Queue<number>()`, and hand out one task per number: ' +
      '`pool.applyAsync(write, [q, n])` for each n of NUMBERS.',
    noWriter:
      "No writer task ran with the manager's queue. Start a manager, " +
      '`await using manager = await mp.Manager()`, ' +
      'make `const q = await manager.Queue<number>()`, and hand out one task per number: ' +
      '`pool.applyAsync(write, [q, n])` for each n of NUMBERS.',
    onePerNumber: 'Hand out exactly one writer task per number of NUMBERS (1, 2 and 3), each with the same manager queue.',
    asPoolTasks:
      'The writers should run as pool tasks, `pool.applyAsync(write, [q, n])`, not be called in the parent or started as ' +
      'processes of their own.',
    everyWriterInWorker: 'every writer in a PoolWorker-N process',

    readerGot: 'the reader task got 1, 2 and 3 through the manager queue',
    lineByOther:
      'A `{task}: …` line names a pool worker, but another process printed it: the {task} task prints its own line, ' +
      'with `mp.currentProcess().name`, in the worker that runs it. Hand the work to the pool and let the task print.',
    ownLine: 'each line printed by the worker it names',
    printedByOther: '{line} (printed by {who})',
    printJson: 'Print the list the reader returned as JSON: `main: the reader got ${JSON.stringify(got)}`.',
    inAnyOrder: 'main: the reader got [1,2,3] (in any order)',
    readerDidNotRun: 'The reader task did not run. After the writers, run it in the pool: `const got = await pool.apply(read, [q])`.',
    readerInPool: 'The reader should run as a pool task, `await pool.apply(read, [q])`, not be called in the parent.',
    queueEmpty:
      'The writers ran, but the reader found the queue empty. Does write() really put its number, `await q.put(n)`? ' +
      'Do the writers and the reader use the same queue, the one from `manager.Queue()`? And does the parent wait for ' +
      'every writer, `await result.get()`, before it runs the reader?',
    noWriterRan: "The reader got nothing because no writer ran with the manager's queue (see the test above).",
    readerTooEarly:
      'The reader started before every writer had finished, found the queue empty and stopped early. Keep the ' +
      'AsyncResults of the writers and `await result.get()` on each before `await pool.apply(read, [q])`.',
    eachNumberOnce: 'The reader should get each number once: one writer task per number, and nothing else put on the queue.',
  },
  'zh-CN': {
    lesson: '第 17 课：通过 manager.Queue() 通信的进程池任务',
    timeout:
      '使用阻塞式 get() 的读取方，一旦队列空了就会永远等下去。这里的读取任务用 ' +
      'getNowait() 取数据，遇到 mp.Empty 就停下，而且它必须在每个写入任务都完成之后才运行。',
    crashedInSection1: '程序在第 1 部分崩溃了（见第一个检查），所以第 2 部分根本没有运行。',
    printReaderGot: '父进程应当在第 2 部分的末尾打印 `main: the reader got [...]`：请保留这一行。',

    exits: '程序正常退出',
    refusalUncaught:
      '进程池拒绝了普通的 mp.Queue，这是应该的，但没有代码捕获这个错误，于是程序崩溃了（见 ' +
      'stderr）。请把 `await pool.apply(write, [plain, …])` 包在 try { … } catch (error) { … } 里，改为把错误消息打印出来。',
    exitsHint: '程序应当运行结束，并且没有出错。',

    refused: '把普通的 mp.Queue 交给进程池任务时，失败并给出了 proclab 的消息，程序把它打印了出来',
    refusalCrashed:
      '这次拒绝让程序崩溃了，而不是被打印出来。请在 `await pool.apply(write, [plain, …])` 外面捕获它，' +
      '并打印 `plain mp.Queue refused: ${error.message}`。',
    tryPlainQueue:
      '第 1 部分应当尝试把普通的 mp.Queue 交给一个进程池任务，捕获错误，并打印 ' +
      '`plain mp.Queue refused: ${error.message}`。',
    ownMessage:
      '请打印这个错误自己的消息 `error.message`：proclab 的消息解释了为什么进程池任务不能接收普通的' +
      '队列，并指出应当改用什么。',
    notFromCore:
      '这一行拒绝信息并不是来自 proclab：进程池从未拒绝过任何东西，因为程序根本没有把普通队列交给它。' +
      '请真的把普通队列交给一个任务，在 try 里写 `await pool.apply(write, [plain, NUMBERS[0]!])`，' +
      '然后原样打印它抛出的错误：`plain mp.Queue refused: ${error.message}`。',
    coreMessage: '进程池抛出的那个错误的消息：{message}',
    sectionOrder: '第 1 部分（普通队列）应当在第 2 部分（manager 队列）之前运行：请保持它们的顺序。',

    writers: '写入任务运行在进程池的工作进程里，每个数一个',
    noWriterAfterCrash:
      '程序在第 1 部分崩溃了（见第一个检查），所以第 2 部分根本没有运行。在第 2 部分，请启动一个 manager：' +
      '`await using manager = await mp.Manager()`，' +
      '创建 `const q = await manager.Queue<number>()`，然后每个数交出一个任务：' +
      '对 NUMBERS 中的每个 n 调用 `pool.applyAsync(write, [q, n])`。',
    noWriter:
      '没有任何写入任务使用 manager 的队列运行。请启动一个 manager：' +
      '`await using manager = await mp.Manager()`，' +
      '创建 `const q = await manager.Queue<number>()`，然后每个数交出一个任务：' +
      '对 NUMBERS 中的每个 n 调用 `pool.applyAsync(write, [q, n])`。',
    onePerNumber: '请为 NUMBERS 中的每个数（1、2 和 3）恰好交出一个写入任务，每个任务都使用同一个 manager 队列。',
    asPoolTasks: '写入方应当作为进程池任务运行（`pool.applyAsync(write, [q, n])`），而不是在父进程里调用，也不是作为单独的进程启动。',
    everyWriterInWorker: '每个写入任务都在某个 PoolWorker-N 进程里',

    readerGot: '读取任务通过 manager 队列拿到了 1、2 和 3',
    lineByOther:
      '有一行 `{task}: …` 写的是某个进程池工作进程，但打印它的是另一个进程：{task} 任务要在运行它的工作进程里、' +
      '用 `mp.currentProcess().name` 打印自己的那一行。请把工作交给进程池，让任务自己打印。',
    ownLine: '每一行都由它所写的那个工作进程打印',
    printedByOther: '{line}（由 {who} 打印）',
    printJson: '请把读取任务返回的列表以 JSON 格式打印出来：`main: the reader got ${JSON.stringify(got)}`。',
    inAnyOrder: 'main: the reader got [1,2,3]（顺序不限）',
    readerDidNotRun: '读取任务没有运行。请在写入任务之后，在进程池里运行它：`const got = await pool.apply(read, [q])`。',
    readerInPool: '读取方应当作为进程池任务运行（`await pool.apply(read, [q])`），而不是在父进程里调用。',
    queueEmpty:
      '写入任务运行了，但读取任务发现队列是空的。write() 真的放入了它的数吗（`await q.put(n)`）？' +
      '写入任务和读取任务用的是同一个队列吗，也就是 `manager.Queue()` 返回的那个？父进程在运行读取任务之前，' +
      '等待了每个写入任务吗（`await result.get()`）？',
    noWriterRan: '读取任务什么也没拿到，因为没有任何写入任务使用 manager 的队列运行（见上一个检查）。',
    readerTooEarly:
      '读取任务在所有写入任务完成之前就开始了，发现队列是空的，于是提前停下了。请保留写入任务的 ' +
      'AsyncResult，并在 `await pool.apply(read, [q])` 之前对每个调用 `await result.get()`。',
    eachNumberOnce: '读取任务应当每个数拿到一次：每个数一个写入任务，队列里不放其他东西。',
  },
})
