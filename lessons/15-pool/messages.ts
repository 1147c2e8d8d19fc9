import { defineMessages } from '@proclab/harness'

/** Every check name and hint of this lesson's test, in English and in Chinese. */
export const messages = defineMessages({
  en: {
    lesson: 'lesson 15: a pool of worker processes',
    timeout:
      'The parent needs to wait for one thing only: after the loop of applyAsync calls, `pool.close()` and then ' +
      "`await pool.join()`, which returns once the ten tasks are done. Then it prints 'end'.",
    printMainPid: 'The program should still print `main pid=…` first: keep that line.',
    noTaskAbove: 'No task ran (see the test above).',
    noTaskAboveAll: 'No task ran (see the tests above).',

    exits: 'the program exits normally',
    exitsHint:
      'The program should finish without an error. (`pool.join()` on a pool that is still open throws StateError: call ' +
      '`pool.close()` first.)',

    allTen: 'all ten tasks ran, each once',
    noTask:
      'No task ran. Create the pool with `const pool = new mp.Pool(WORKERS)`, then hand it each task in a loop: ' +
      '`for (let task = 1; task <= TASKS; task++) pool.applyAsync(work, [task])`.',
    stoppedBeforeTasks:
      'The pool started its workers, but not one task ran: the pool was stopped before the workers got to them. ' +
      '`pool.terminate()` stops the workers at once and throws the queued tasks away. End the pool with ' +
      '`pool.close()` (no more tasks; the queued ones still run), then `await pool.join()` to wait for them.',
    onlySome:
      'Only {count} of the ten tasks ran. Hand the pool every task from 1 to 10, and let them finish: ' +
      '`close()` lets the queued tasks run to the end, `terminate()` would stop them.',
    eachOnce: 'Each task number from 1 to 10 should run exactly once: one `pool.applyAsync(work, [task])` per task.',

    inWorkers: 'the tasks ran in pool workers, not in the main process',
    inMain:
      'Some tasks ran in the main process: calling `work(task)` yourself runs it right here. Hand it to the pool ' +
      'instead, with `pool.applyAsync(work, [task])`, so that a worker process runs it.',
    notWorkers:
      'Some tasks ran in processes that are not pool workers (their name is not PoolWorker-N). Do not start a ' +
      '`new mp.Process` per task: the pool starts its workers once, and `pool.applyAsync(work, [task])` gives them work.',
    everyInWorker: 'every task in a PoolWorker-N process',
    taskIn: 'task {task} in {name} pid={pid}',

    atMostThree: 'at most three worker processes shared the ten tasks',
    tooManyProcesses:
      'The ten tasks ran in {count} different processes. A pool has a fixed number of workers, started once: ' +
      'create it with `new mp.Pool(WORKERS)` (3), not a process per task, and hand every task to that one pool.',
    atMostPids: 'at most {count} different pids',

    reused: 'the workers were reused: some worker ran more than one task',
    notReused:
      'Every task ran in a process of its own. The point of a pool is that a worker, once started, runs task after ' +
      'task: with ten tasks and three workers, some worker must run several. Use one `new mp.Pool(WORKERS)` for all tasks.',
    pidRanTwo: 'a pid that ran 2 or more tasks',
    tasksOfPid: 'pid {pid}: {count} task(s)',

    overlap: 'the tasks ran at the same time in different workers',
    oneWorker:
      'The pool ran the tasks one at a time, all in one worker: the program handed them out together, but a pool of one ' +
      'worker can run only one task at a time. Make the pool with WORKERS workers: `new mp.Pool(WORKERS)`.',
    serial:
      'The pool ran the tasks one at a time: no two tasks were ever running at the same moment. Waiting for a ' +
      "task's result inside the loop (`await pool.apply(work, [task])`, `await pool.applyAsync(work, [task]).get()`, or `await` on the AsyncResult) " +
      'stops the parent until that task is done, before it hands out the next one. Queue all ten without waiting, ' +
      '`pool.applyAsync(work, [task])`, so that the three workers run three tasks at once.',

    endLast: "'end' was printed last, after every task had finished",
    endOnce: "The parent should print `end` exactly once, as its last line: keep `console.log('end')` at the end.",
    nothingToWaitFor: "No task ran (see the tests above), so 'end' had nothing to wait for yet.",
    endTooEarly:
      "The parent printed 'end' while tasks were still running. applyAsync only queues a task and returns at once, so the " +
      'parent has to wait for the pool: call `pool.close()` (no more tasks), then `await pool.join()` (wait until the ' +
      "workers have run every task and exited), and only then print 'end'.",
    nothingAfterEnd: "Nothing should be printed after 'end': it is the program's last line.",
    noPoolJoin:
      "The parent printed 'end' without waiting for the pool with `await pool.join()`: a sleep only guesses how long the " +
      "tasks take, and process.exit() or the last result ends the program while the workers are still there. Call " +
      "`pool.close()`, then `await pool.join()`, then print 'end'.",
    poolJoinBeforeEnd: "`await pool.join()` returned before 'end'",
    noPoolJoinFound: 'no pool.join() by the parent before it',
  },
  'zh-CN': {
    lesson: '第 15 课：工作进程池',
    timeout:
      '父进程只需要等一件事：在调用 applyAsync 的循环之后，先 `pool.close()`，再 ' +
      "`await pool.join()`，它会在十个任务都完成之后返回。然后再打印 'end'。",
    printMainPid: '程序仍应首先打印 `main pid=…`：请保留这一行。',
    noTaskAbove: '没有任何任务运行（见上面的检查）。',
    noTaskAboveAll: '没有任何任务运行（见上面的几个检查）。',

    exits: '程序正常退出',
    exitsHint: '程序应当运行结束，并且没有出错。（对一个仍处于打开状态的进程池调用 `pool.join()` 会抛出 StateError：请先调用 `pool.close()`。）',

    allTen: '十个任务都运行了，每个一次',
    noTask:
      '没有任何任务运行。请用 `const pool = new mp.Pool(WORKERS)` 创建进程池，然后在循环里把每个任务交给它：' +
      '`for (let task = 1; task <= TASKS; task++) pool.applyAsync(work, [task])`。',
    stoppedBeforeTasks:
      '进程池启动了它的工作进程，但一个任务都没有运行：进程池在工作进程处理任务之前就被停掉了。' +
      '`pool.terminate()` 会立即停止工作进程，并丢弃排队中的任务。请用 `pool.close()` 结束进程池' +
      '（不再接收新任务，排队中的任务仍会运行），再用 `await pool.join()` 等它们完成。',
    onlySome:
      '十个任务里只运行了 {count} 个。请把 1 到 10 的每个任务都交给进程池，并让它们运行完：' +
      '`close()` 会让排队中的任务运行到结束，而 `terminate()` 会把它们停掉。',
    eachOnce: '1 到 10 的每个任务编号都应当恰好运行一次：每个任务调用一次 `pool.applyAsync(work, [task])`。',

    inWorkers: '任务是在进程池的工作进程里运行的，而不是在主进程里',
    inMain:
      '有些任务是在主进程里运行的：你自己调用 `work(task)`，它就在这里直接运行了。请改为把它交给进程池，' +
      '即 `pool.applyAsync(work, [task])`，让一个工作进程去运行它。',
    notWorkers:
      '有些任务运行在不属于进程池的进程里（它们的名字不是 PoolWorker-N）。不要为每个任务启动一个 ' +
      '`new mp.Process`：进程池只启动一次它的工作进程，`pool.applyAsync(work, [task])` 负责把活交给它们。',
    everyInWorker: '每个任务都在某个 PoolWorker-N 进程里',
    taskIn: '任务 {task} 在 {name} 中，pid={pid}',

    atMostThree: '十个任务最多由三个工作进程分担',
    tooManyProcesses:
      '这十个任务运行在 {count} 个不同的进程里。进程池的工作进程数量是固定的，只启动一次：' +
      '请用 `new mp.Pool(WORKERS)`（3）创建它，不要每个任务一个进程，并把所有任务都交给这一个进程池。',
    atMostPids: '最多 {count} 个不同的 pid',

    reused: '工作进程被重复使用了：有的工作进程运行了不止一个任务',
    notReused:
      '每个任务都运行在一个单独的进程里。进程池的意义就在于，工作进程一旦启动，就会一个接一个地运行任务：' +
      '十个任务、三个工作进程，必然有某个工作进程要运行好几个。请为所有任务使用同一个 `new mp.Pool(WORKERS)`。',
    pidRanTwo: '有一个 pid 运行了 2 个或更多任务',
    tasksOfPid: 'pid {pid}：{count} 个任务',

    overlap: '任务在不同的工作进程里同时运行',
    oneWorker:
      '进程池把任务一个接一个地运行，全在同一个工作进程里：程序是一起交出这些任务的，但只有一个工作进程的进程池' +
      '一次只能运行一个任务。请用 WORKERS 个工作进程创建进程池：`new mp.Pool(WORKERS)`。',
    serial:
      '进程池一次只运行了一个任务：从来没有两个任务在同一时刻运行。在循环里等待任务的结果' +
      '（`await pool.apply(work, [task])`、`await pool.applyAsync(work, [task]).get()`，或者对 AsyncResult 使用 `await`）会让父进程停在那里，' +
      '直到这个任务完成才交出下一个。请不加等待地把十个任务都排进队列，即 `pool.applyAsync(work, [task])`，' +
      '这样三个工作进程才能同时运行三个任务。',

    endLast: "'end' 最后打印，在每个任务都完成之后",
    endOnce: "父进程应当恰好打印一次 `end`，并且作为它的最后一行：请在最后保留 `console.log('end')`。",
    nothingToWaitFor: "没有任何任务运行（见上面的几个检查），所以 'end' 还没有什么可等的。",
    endTooEarly:
      "父进程在任务还在运行时就打印了 'end'。applyAsync 只是把任务排进队列就立即返回，所以" +
      '父进程必须等待进程池：先调用 `pool.close()`（不再接收任务），再 `await pool.join()`（等到' +
      "工作进程运行完每个任务并退出），然后才打印 'end'。",
    nothingAfterEnd: "'end' 之后不应再打印任何东西：它是程序的最后一行。",
    noPoolJoin:
      "父进程没有用 `await pool.join()` 等待进程池就打印了 'end'：sleep 只是猜任务要多久，而 process.exit() " +
      "或拿到最后一个结果就结束程序时，工作进程还在。请先调用 `pool.close()`，再 `await pool.join()`，然后打印 'end'。",
    poolJoinBeforeEnd: "`await pool.join()` 在 'end' 之前返回",
    noPoolJoinFound: '在它之前父进程没有调用 pool.join()',
  },
})
