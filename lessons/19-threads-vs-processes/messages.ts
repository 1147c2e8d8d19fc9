import { defineMessages } from '@proclab/harness'

/** Every check name and hint of this lesson's test, in English and in Chinese. */
export const messages = defineMessages({
  en: {
    lesson: 'lesson 19: threads or processes',
    timeout:
      'Is the main thread waiting for a message that never comes? Each worker thread must send its count with ' +
      '`parentPort!.postMessage(countPrimes(workerData as Slice))` in the `if (!isMainThread)` branch, and withThreads ' +
      "should also reject when a thread ends without sending one (listen for its 'exit' event).",
    // Said first when the program crashed or stopped early and printed only part of its lines.
    stoppedEarly: 'The program stopped before it got here (see the first test). {hint}',

    exits: 'the program exits normally',
    unsettled:
      'The program ended while the main thread was still waiting (exit code 13: an unsettled top-level await). A worker ' +
      "thread ended without sending its count: in the `if (!isMainThread)` branch, send it with `parentPort!.postMessage(…)`.",
    exitsHint: 'The program should finish without an error.',
    noCount:
      'A worker thread ended without sending its count, so withThreads rejected and the program crashed. In the ' +
      '`if (!isMainThread)` branch, send the count back to the main thread: ' +
      '`parentPort!.postMessage(countPrimes(workerData as Slice))`.',

    serial: 'the serial run counted the primes',
    printSerial: 'The program should still print `serial: <count> primes in <ms> ms`: keep the three timed(…) lines.',
    serialFinds: 'The serial run should find primes: leave countPrimes, WHOLE and the serial timed(…) line as they are.',
    aboveZero: 'serial: <a count above 0> primes',
    noSerialLine: 'no serial line',

    sameCount: 'the {variant} variant found as many primes as the serial run',
    threadsNotDone:
      'withThreads() still returns 0. For each slice in HALVES, start `new Worker(threadEntry(), { workerData: slice })` and ' +
      "wait for its 'message'; start both threads before waiting (Promise.all), then add the two counts. The thread's side " +
      'is the `if (!isMainThread)` branch at the bottom: there, send `countPrimes(workerData as Slice)` with parentPort.',
    processesNotDone:
      'withProcesses() still returns 0. Create the pool with `await using pool = new mp.Pool(2)`, run both slices with ' +
      '`await pool.map(countPrimes, HALVES)`, and add the two counts.',
    printVariant: 'The program should print `{variant}: <count> primes in <ms> ms`: keep its timed(…) line.',
    eachSliceOnce:
      'The two slices together are the whole job: slice 0 takes 3, 7, 11, …, slice 1 takes 5, 9, 13, … Count each ' +
      'slice of HALVES exactly once (not WHOLE, not the same slice twice) and add the two counts.',

    onThreads: 'each half was counted on a worker thread of its own',
    noThreadLine:
      'No worker thread printed `thread <id>: counting slice <n>`. That line is printed by the given code in the ' +
      "`if (!isMainThread)` branch, so it shows when a thread really loaded the file: start one " +
      '`new Worker(threadEntry(), { workerData: slice })` per slice of HALVES, and keep that line.',
    threadLineOnMain:
      'The `thread … counting slice …` lines were printed by the main thread, not by worker threads: the ' +
      '"threads" variant ran its work right here, one slice after the other. Start a ' +
      '`new Worker(threadEntry(), { workerData: slice })` for each slice: the worker thread runs the ' +
      '`if (!isMainThread)` branch, counts its slice and posts the count back.',
    oneThreadPerSlice:
      'Each slice of HALVES (0 and 1) should be counted by a worker thread of its own: start exactly one ' +
      '`new Worker(threadEntry(), { workerData: slice })` per slice.',
    twoThreadLines: '`thread <id>: counting slice 0` and `… slice 1`, each printed by a different worker thread',
    noneFound: 'none',
    onMainCount: '{count} of {total} printed by the main thread',
    parallel: 'two pool tasks ran in different processes at the same time',
    noPoolTask:
      'No task ran on a pool. In withProcesses, create `new mp.Pool(2)` and hand it the two slices with ' +
      '`pool.map(countPrimes, HALVES)`.',
    oneTask:
      'Only one task ran on the pool, so there was nothing to run in parallel. Hand it the two slices as two tasks: ' +
      '`pool.map(countPrimes, HALVES)` makes one task per slice (do not pass a chunksize that puts both in one task).',
    twoTasks: 'two pool tasks, started and ended',
    sameWorker:
      'Both tasks ran in the same worker process, one after the other. Either the pool had one worker (create it with ' +
      '`new mp.Pool(2)`), or the second slice was handed out only once the first was done (awaiting `pool.apply` for ' +
      'each slice in turn does that, lesson 16). Hand both out at once: `await pool.map(countPrimes, HALVES)`.',
    inTurn:
      'The two tasks ran one after the other: the second started only when the first had finished. Hand both out at ' +
      'once, with `pool.map(countPrimes, HALVES)`; awaiting `pool.apply` for one slice before handing out the next ' +
      'runs them in turn (lesson 16).',
    overlapping: 'two tasks of different workers whose start-to-end times overlap',
    taskTimes: 'task {task} in {name}: {ms} ms, from +{from} ms',

    speedup: 'the speedup was printed (its value is not checked)',
    printSpeedup:
      'The program should end with the `speedup over serial: …` line: keep it. Its numbers are not checked: they depend on ' +
      'the machine and on what else runs on it.',
  },
  'zh-CN': {
    lesson: '第 19 课：线程还是进程',
    timeout:
      '主线程是不是在等一条永远不会来的消息？每个工作线程都必须在 `if (!isMainThread)` 分支里，用 ' +
      '`parentPort!.postMessage(countPrimes(workerData as Slice))` 发送它的计数；而且当某个线程没有发送就结束时，' +
      "withThreads 也应当 reject（监听它的 'exit' 事件）。",
    stoppedEarly: '程序在运行到这里之前就停止了（见第一个检查）。{hint}',

    exits: '程序正常退出',
    unsettled:
      '程序结束时，主线程还在等待（退出码 13：一个没有 settle 的顶层 await）。有一个工作' +
      "线程没有发送计数就结束了：请在 `if (!isMainThread)` 分支里用 `parentPort!.postMessage(…)` 发送它。",
    exitsHint: '程序应当运行结束，并且没有出错。',
    noCount:
      '有一个工作线程没有发回它的计数就结束了，于是 withThreads 被拒绝（reject），程序崩溃了。请在 ' +
      '`if (!isMainThread)` 分支里把计数发回主线程：' +
      '`parentPort!.postMessage(countPrimes(workerData as Slice))`。',

    serial: '串行运行数出了素数',
    printSerial: '程序仍应打印 `serial: <count> primes in <ms> ms`：请保留那三行 timed(…)。',
    serialFinds: '串行运行应当找到素数：请保持 countPrimes、WHOLE 和串行的那一行 timed(…) 不变。',
    aboveZero: 'serial: <一个大于 0 的数> primes',
    noSerialLine: '没有 serial 这一行',

    sameCount: '{variant} 版本找到的素数与串行运行一样多',
    threadsNotDone:
      'withThreads() 仍然返回 0。请为 HALVES 中的每一段启动 `new Worker(threadEntry(), { workerData: slice })`，并' +
      "等待它的 'message'；先把两个线程都启动，再等待（Promise.all），然后把两个计数相加。线程那一侧的代码" +
      '在底部的 `if (!isMainThread)` 分支里：在那里用 parentPort 发送 `countPrimes(workerData as Slice)`。',
    processesNotDone:
      'withProcesses() 仍然返回 0。请用 `await using pool = new mp.Pool(2)` 创建进程池，用 ' +
      '`await pool.map(countPrimes, HALVES)` 运行两段，然后把两个计数相加。',
    printVariant: '程序应当打印 `{variant}: <count> primes in <ms> ms`：请保留它的那一行 timed(…)。',
    eachSliceOnce:
      '两段合起来就是整个工作：第 0 段处理 3、7、11、……，第 1 段处理 5、9、13、……。请把 HALVES 的' +
      '每一段恰好数一次（不要数 WHOLE，也不要把同一段数两次），然后把两个计数相加。',

    onThreads: '两半工作各由一个自己的工作线程计数',
    noThreadLine:
      '没有任何工作线程打印 `thread <id>: counting slice <n>`。这一行由 `if (!isMainThread)` 分支里给定的代码打印，' +
      '所以只有线程真的加载了这个文件，它才会出现：请为 HALVES 的每一份启动一个 ' +
      '`new Worker(threadEntry(), { workerData: slice })`，并保留这一行。',
    threadLineOnMain:
      '`thread … counting slice …` 这几行是由主线程打印的，而不是由工作线程打印的：' +
      '“threads” 版本就在这里、一份接一份地做完了它的工作。请为每一份启动一个 ' +
      '`new Worker(threadEntry(), { workerData: slice })`：工作线程会运行 `if (!isMainThread)` 分支，' +
      '数完自己那一份，再把结果发回来。',
    oneThreadPerSlice:
      'HALVES 的每一份（0 和 1）都应当由一个自己的工作线程来数：请为每一份恰好启动一个 ' +
      '`new Worker(threadEntry(), { workerData: slice })`。',
    twoThreadLines: '`thread <id>: counting slice 0` 和 `… slice 1`，分别由不同的工作线程打印',
    noneFound: '没有',
    onMainCount: '{total} 行中有 {count} 行是由主线程打印的',
    parallel: '两个进程池任务在不同的进程里同时运行',
    noPoolTask: '进程池上没有运行任何任务。请在 withProcesses 里创建 `new mp.Pool(2)`，并用 `pool.map(countPrimes, HALVES)` 把两段交给它。',
    oneTask:
      '进程池上只运行了一个任务，所以没有什么可以并行运行的。请把两段作为两个任务交给它：' +
      '`pool.map(countPrimes, HALVES)` 会为每一段生成一个任务（不要传入会把两段放进同一个任务的 chunksize）。',
    twoTasks: '两个进程池任务，都开始并结束了',
    sameWorker:
      '两个任务在同一个工作进程里先后运行。要么进程池只有一个工作进程（请用 ' +
      '`new mp.Pool(2)` 创建它），要么第二段是在第一段完成之后才交出去的（对每一段依次 await ' +
      '`pool.apply` 就会这样，见第 16 课）。请一次把两段都交出去：`await pool.map(countPrimes, HALVES)`。',
    inTurn:
      '两个任务是先后运行的：第二个在第一个完成之后才开始。请用 `pool.map(countPrimes, HALVES)` ' +
      '一次把两段都交出去；先 await 一段的 `pool.apply` 再交出下一段，' +
      '它们就会依次运行（第 16 课）。',
    overlapping: '属于不同工作进程、起止时间相互重叠的两个任务',
    taskTimes: '任务 {task} 在 {name} 中：{ms} 毫秒，从 +{from} 毫秒开始',

    speedup: '打印了加速比（不检查它的值）',
    printSpeedup: '程序应当以 `speedup over serial: …` 这一行结束：请保留它。它的数值不作检查：这些数值取决于机器，以及机器上同时运行的其他程序。',
  },
})
