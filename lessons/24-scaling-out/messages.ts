import { defineMessages } from '@proclab/harness'

/** Every check name and hint of this lesson's test, in English and in Chinese. */
export const messages = defineMessages({
  en: {
    lesson: 'lesson 24: scaling out, when a cluster helps and when it does not',
    needsRedis:
      'skipped: this lesson needs a Redis server, and redis-server is not installed here. Install it (Debian/Ubuntu: ' +
      '`sudo apt-get install redis-server`; macOS: `brew install redis`), or point PROCLAB_REDIS at a running server ' +
      '(`PROCLAB_REDIS=redis://host:6379`), then check again.',
    timeout:
      'The program did not finish. Every map must be awaited, and the workers and Redis stopped in the finally block; ' +
      'a map on the cluster waits for as long as no worker serves its queue, so start worker A first (it is given).',

    finished: 'the program ran to its end, then stopped its workers and its Redis',
    crashed: 'The program crashed: read the error above. It should run every part and exit normally.',
    exportTask:
      'A cluster worker imports each task by the path of its module, so a task must be an exported top-level function, ' +
      'as for mp.Pool: pass `collatzSteps`, `double` or `recordPayment` themselves, not a function written in place.',

    sameAnswer: 'the local pool, 1 worker and 2 workers computed the same answer, and so did the tiny tasks both ways',
    printAnswer: 'The program should print `{what}: answer <n> in <ms> ms` with the sum of the results: keep the given `report(…)` line.',
    wrongAnswer:
      'The answer of "{what}" is wrong. Sum what the map returns: `sum(await pool.map(collatzSteps, BLOCKS, 1))`. A task ' +
      'must return its result: a variable it adds to lives in the worker process that ran it (lesson 07), never in this program.',
    answersOf: 'answer {answer} for every variant',

    timings: 'the times and the speedup were printed (their values are not checked)',
    printSpeedup:
      'Print how the times compare, `speedup of 2 workers over 1: <x>x …` (the given line): it is measured on your machine, ' +
      'and no value is wrong.',

    overlapped: 'tasks of the two worker programs ran at the same time (from the trace)',
    noClusterTasks:
      'No task ran on a cluster worker. The "cluster" variants must map on the ClusterPool, `pool.map(collatzSteps, BLOCKS, 1)`, ' +
      'not on the local pool.',
    oneWorker:
      'Every cluster task ran on one worker program. Start the second one before the second map: ' +
      "`workers.push(await startWorker('B', redis))`.",
    oneAfterAnother:
      'Both workers ran tasks, but never at the same time: the tasks went one by one. `await pool.apply(…)` in a loop waits ' +
      'for each before sending the next. Give the cluster every block at once: `await pool.map(collatzSteps, BLOCKS, 1)`.',
    twoAtOnce: 'tasks of 2 workers running at one moment',
    mostAtOnce: 'at most {count} at one moment',

    idempotent: 'each payment was recorded once, though its task ran twice',
    ranOnce:
      'recordPayment should run twice for each payment (its id twice in runs.log), as the cluster runs a task again when its ' +
      'worker dies: keep both `pool.starmap(recordPayment, calls, 1)` calls and the given runs.log line.',
    notIdempotent:
      'Running recordPayment twice recorded a payment twice. Make its effect idempotent: one file per payment id, ' +
      "`payment-${id}.json`, created with `{ flag: 'wx' }`, and a second run that finds it (EEXIST) returns " +
      "'already recorded'. Appending to one file, or a name that differs on each run, records it again.",
  },
  'zh-CN': {
    lesson: '第 24 课：横向扩展，集群什么时候有帮助，什么时候没有',
    needsRedis:
      '已跳过：本课需要一个 Redis 服务器，而这里没有安装 redis-server。请安装它（Debian/Ubuntu：' +
      '`sudo apt-get install redis-server`；macOS：`brew install redis`），或者让 PROCLAB_REDIS 指向一个正在运行的服务器' +
      '（`PROCLAB_REDIS=redis://host:6379`），然后再检查一次。',
    timeout:
      '程序没有结束。每个 map 都必须被 await，并且要在 finally 块里停止工作进程和 Redis；只要没有工作进程服务于它的队列，' +
      '集群上的 map 就会一直等下去，所以要先启动工作进程 A（这一步已经给出）。',

    finished: '程序运行到了结尾，然后停止了它的工作进程和 Redis',
    crashed: '程序崩溃了：请阅读上面的错误。它应当运行每个部分，然后正常退出。',
    exportTask:
      '集群工作进程按模块路径导入每个任务，所以任务必须是一个导出的顶层函数，和 mp.Pool 一样：请直接传入 `collatzSteps`、' +
      '`double` 或 `recordPayment`，而不是就地写的函数。',

    sameAnswer: '本地进程池、1 个工作进程和 2 个工作进程算出了相同的答案，小任务在两种方式下也是如此',
    printAnswer: '程序应当打印 `{what}: answer <n> in <ms> ms`，其中是结果之和：请保留给出的 `report(…)` 这一行。',
    wrongAnswer:
      '"{what}" 的答案不对。请对 map 返回的结果求和：`sum(await pool.map(collatzSteps, BLOCKS, 1))`。任务必须返回它的结果：' +
      '任务累加的变量存在于运行它的工作进程里（第 07 课），而不在本程序里。',
    answersOf: '每种方式的答案都是 {answer}',

    timings: '打印了耗时和加速比（不检查它们的数值）',
    printSpeedup: '请打印耗时的比较，即 `speedup of 2 workers over 1: <x>x …`（给出的那一行）：它是在你的机器上测出来的，没有哪个数值算错。',

    overlapped: '两个工作进程程序的任务同时运行过（来自跟踪记录）',
    noClusterTasks: '没有任何任务在集群工作进程上运行。"cluster" 的几种方式必须在 ClusterPool 上做 map，即 `pool.map(collatzSteps, BLOCKS, 1)`，而不是在本地进程池上。',
    oneWorker: "所有集群任务都在同一个工作进程程序上运行。请在第二次 map 之前启动第二个工作进程：`workers.push(await startWorker('B', redis))`。",
    oneAfterAnother:
      '两个工作进程都运行了任务，但从来没有同时运行：任务是一个接一个发出的。在循环里 `await pool.apply(…)` 会等每个任务完成后' +
      '才发送下一个。请一次把所有块都交给集群：`await pool.map(collatzSteps, BLOCKS, 1)`。',
    twoAtOnce: '2 个工作进程的任务在同一时刻运行',
    mostAtOnce: '同一时刻最多 {count} 个',

    idempotent: '每笔付款只记录了一次，尽管它的任务运行了两次',
    ranOnce:
      'recordPayment 应当为每笔付款运行两次（它的 id 在 runs.log 里出现两次），就像工作进程死掉时集群会重新运行任务那样：' +
      '请保留两次 `pool.starmap(recordPayment, calls, 1)` 调用，以及给出的 runs.log 那一行。',
    notIdempotent:
      '运行 recordPayment 两次，把一笔付款记录了两次。请让它的效果具有幂等性：每个付款 id 一个文件，即 `payment-${id}.json`，' +
      "用 `{ flag: 'wx' }` 创建，第二次运行发现文件已存在（EEXIST）时返回 'already recorded'。追加到同一个文件，" +
      '或者每次运行都用不同的文件名，都会再记录一次。',
  },
})
