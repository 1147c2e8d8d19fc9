import { defineMessages } from '@proclab/harness'

/** Every check name and hint of this lesson's test, in English and in Chinese. */
export const messages = defineMessages({
  en: {
    lesson: 'lesson 22: distributed processes, a master and its workers over TCP',
    timeout:
      'The master waits for one report at a time, `results.get({ timeout: REPORT_TIMEOUT_MS })`, and after every ' +
      "worker's last word it shuts down: keep that loop and the `manager.shutdown()` in its finally block.",

    served: 'the master served its queues on 127.0.0.1, on the port it was given',
    printServing: 'The master should print `master: serving … on <host>:<port> …` once it listens: keep that line.',
    notListening:
      'The master never accepted a connection on its port. It should register its two queues, then ' +
      '`const server = await manager.getServer()` (which starts listening) and `server.serveForever()`.',
    listeningOn: 'a master listening on {address}',
    nothingListening: 'nothing listening',

    refused: 'a worker with the wrong authkey was refused',
    noTry: 'The master was not serving (see the first test), so no worker could try.',
    connectedAnyway:
      "The worker started with the authkey '{key}' printed that it connected. A worker must prove it knows the " +
      "master's authkey: `await manager.connect()` rejects with mp.AuthenticationError when it does not. Call it, catch " +
      'that error, print `worker pid=${process.pid}: refused: ${error.message}`, and stop there.',
    printRefused:
      "The worker started with the authkey '{key}' should print `worker pid=…: refused: <message>`: catch the " +
      'mp.AuthenticationError that `await manager.connect()` rejects with, and print its message.',
    ownMessage: "Print the error's own message, `error.message`: it says that the authkey was refused.",
    aboutAuthkey: 'a message about the authkey',
    refusedExitCode:
      'A worker that was refused has no work to do, and should say so with its exit code: set `process.exitCode = 1` ' +
      'after printing that it was refused, then return without touching the queues.',

    connected: 'each worker with the right authkey connected and exited normally',
    noConnect: 'The master was not serving (see the first test), so no worker could connect.',
    unregistered:
      'The worker has no getTaskQueue() or getResultQueue(): register both typeids on QueueManager in the worker too, ' +
      "without a callable: `QueueManager.register('getTaskQueue')`.",
    notServed:
      "The master does not serve the queues the worker asks for: in the master, register each typeid with the callable " +
      "that returns its queue, `QueueManager.register('getTaskQueue', () => tasks)`, before `getServer()`.",
    masterLeftEarly:
      'A worker was still working when the master shut its server down, so its next call failed ("The manager is ' +
      'gone"). The master may stop serving only once all {workers} workers have sent their last word: keep ' +
      "collecting reports `while (done < workers)`, counting each worker's `done` report, and only then " +
      '`await manager.shutdown()`.',
    workerExits: 'A worker with the right authkey should connect, work until the task queue is empty, and exit normally.',
    printConnected: 'Each worker should print `worker pid=…: connected to …` once `await manager.connect()` has succeeded.',

    results: "every task's result came back to the master, computed by the workers",
    noResult:
      'No result came back to the master. Each worker should take numbers from the task queue with ' +
      "`await tasks.getNowait()` until it throws mp.Empty, and put each result on the result queue: " +
      "`await results.put({ kind: 'result', n, square: result, pid: process.pid })`.",
    someResults:
      'Only {count} of the {tasks} results came back. Each worker should keep taking tasks until the ' +
      'queue is empty, and put a result for every number it took.',
    eachOnce: 'Each number from 1 to 10 should come back exactly once: a task taken from the queue is gone for the others.',
    squares: 'Each result should be the square of its number, as square(n) computes it.',
    nTimesN: 'n * n for every n',
    fromWorkers:
      'Every result should come from one of the two workers (their pid, `process.pid`, in the report): the master only ' +
      'hands out tasks and collects results.',
    resultsFrom: 'results from pids {pids}',
    resultFrom: '{n} from pid {pid}',

    shutDown: 'the master shut down once every worker was done',
    noReport:
      'No worker reported anything, so the master waited in vain and gave up: make the workers connect, take the tasks ' +
      'and put their results (see the tests above).',
    noLastWord:
      'The master waited in vain for a report and gave up. After its last task, each worker must say goodbye with ' +
      "`await sendLastWord(results, count)`: the master shuts down once it has every worker's last word.",
    masterExits: 'The master should collect every result, shut its server down and exit normally.',
    lastLine: 'The master should end with `master: 10 of 10 results back, server shut down`, printed after `await manager.shutdown()`.',
  },
  'zh-CN': {
    lesson: '第 22 课：分布式进程，主进程和它的工作进程通过 TCP 协作',
    timeout:
      '主进程每次等待一份报告，即 `results.get({ timeout: REPORT_TIMEOUT_MS })`，在收到每个工作进程的最后一句话之后' +
      '就关闭：请保留这个循环，以及它 finally 块里的 `manager.shutdown()`。',

    served: '主进程在 127.0.0.1、在给它的端口上提供了它的队列',
    printServing: '主进程开始监听后，应当打印 `master: serving … on <host>:<port> …`：请保留这一行。',
    notListening:
      '主进程始终没有在它的端口上接受连接。它应当注册它的两个队列，然后调用 ' +
      '`const server = await manager.getServer()`（它会开始监听）和 `server.serveForever()`。',
    listeningOn: '一个在 {address} 上监听的主进程',
    nothingListening: '没有任何东西在监听',

    refused: '使用错误 authkey 的工作进程被拒绝了',
    noTry: '主进程没有在提供服务（见第一个检查），所以没有工作进程能够尝试连接。',
    connectedAnyway:
      "用 authkey '{key}' 启动的工作进程打印说它连上了。工作进程必须证明它知道主进程的 authkey：" +
      '如果不知道，`await manager.connect()` 会以 mp.AuthenticationError reject。请调用它，捕获' +
      '这个错误，打印 `worker pid=${process.pid}: refused: ${error.message}`，然后就此停下。',
    printRefused:
      "用 authkey '{key}' 启动的工作进程应当打印 `worker pid=…: refused: <message>`：请捕获 " +
      '`await manager.connect()` reject 时给出的 mp.AuthenticationError，并打印它的消息。',
    ownMessage: '请打印这个错误自己的消息 `error.message`：它说明了 authkey 被拒绝。',
    aboutAuthkey: '一条关于 authkey 的消息',
    refusedExitCode:
      '被拒绝的工作进程没有活可干，应当用它的退出码说明这一点：在打印被拒绝之后设置 `process.exitCode = 1`，' +
      '然后返回，不要去碰那些队列。',

    connected: '每个使用正确 authkey 的工作进程都连上了，并且正常退出',
    noConnect: '主进程没有在提供服务（见第一个检查），所以没有工作进程能够连上。',
    unregistered:
      '工作进程没有 getTaskQueue() 或 getResultQueue()：请在工作进程里也在 QueueManager 上注册这两个 typeid，' +
      "不带可调用对象：`QueueManager.register('getTaskQueue')`。",
    notServed:
      '主进程没有提供工作进程所请求的队列：请在主进程里，在 `getServer()` 之前，为每个 typeid 注册一个返回' +
      "对应队列的可调用对象：`QueueManager.register('getTaskQueue', () => tasks)`。",
    masterLeftEarly:
      '主进程关闭服务器时，有一个工作进程还在工作，所以它的下一次调用失败了（"The manager is gone"）。' +
      '主进程只能在全部 {workers} 个工作进程都发来最后一句话之后才停止服务：请继续收集报告 ' +
      '`while (done < workers)`，每收到一个工作进程的 `done` 报告就计数一次，然后才 `await manager.shutdown()`。',
    workerExits: '使用正确 authkey 的工作进程应当连上主进程，一直工作到任务队列为空，然后正常退出。',
    printConnected: '`await manager.connect()` 成功之后，每个工作进程都应当打印 `worker pid=…: connected to …`。',

    results: '每个任务的结果都回到了主进程，并且是由工作进程计算的',
    noResult:
      '没有任何结果回到主进程。每个工作进程都应当用 `await tasks.getNowait()` 从任务队列里取数，' +
      '直到它抛出 mp.Empty，并把每个结果放进结果队列：' +
      "`await results.put({ kind: 'result', n, square: result, pid: process.pid })`。",
    someResults: '{tasks} 个结果中只回来了 {count} 个。每个工作进程都应当一直取任务，直到队列为空，并为它取到的每个数放回一个结果。',
    eachOnce: '1 到 10 的每个数都应当恰好回来一次：一个任务从队列里被取走之后，其他进程就拿不到它了。',
    squares: '每个结果都应当是它对应的数的平方，就像 square(n) 计算的那样。',
    nTimesN: '对每个 n 都是 n * n',
    fromWorkers:
      '每个结果都应当来自两个工作进程之一（报告里带着它们的 pid，即 `process.pid`）：主进程只负责' +
      '分发任务和收集结果。',
    resultsFrom: '来自 pid {pids} 的结果',
    resultFrom: '{n} 来自 pid {pid}',

    shutDown: '每个工作进程都完成之后，主进程关闭了',
    noReport:
      '没有任何工作进程报告任何东西，所以主进程白等了一场，最后放弃了：请让工作进程连上主进程、取任务，' +
      '并放回它们的结果（见上面的几个检查）。',
    noLastWord:
      '主进程白等了一份报告，最后放弃了。每个工作进程在最后一个任务之后，都必须用 ' +
      '`await sendLastWord(results, count)` 道别：主进程收到每个工作进程的最后一句话之后才会关闭。',
    masterExits: '主进程应当收集每个结果，关闭它的服务器，然后正常退出。',
    lastLine: '主进程应当以 `master: 10 of 10 results back, server shut down` 结束，这一行在 `await manager.shutdown()` 之后打印。',
  },
})
