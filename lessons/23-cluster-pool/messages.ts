import { defineMessages } from '@proclab/harness'

/** Every check name and hint of this lesson's test, in English and in Chinese. */
export const messages = defineMessages({
  en: {
    lesson: 'lesson 23: a cluster pool, and a worker that dies mid-task',
    needsRedis:
      'skipped: this lesson needs a Redis server, and redis-server is not installed here. Install it (Debian/Ubuntu: ' +
      '`sudo apt-get install redis-server`; macOS: `brew install redis`), or point PROCLAB_REDIS at a running server ' +
      '(`PROCLAB_REDIS=redis://host:6379`), then check again.',
    timeout:
      'The map never came back. Killing worker A loses nothing, but its task runs again only once the other worker ' +
      'is still there to take it: keep worker B running until `await squaring` has returned, and stop the workers ' +
      'and Redis in the finally block.',

    finished: 'the program ran to its end, then stopped its workers and its Redis',
    crashed: 'The program crashed: read the error above. It should start both workers, map over them, and exit normally.',
    exportTask:
      'A cluster worker imports the task by the path of its module, as a pool process does, so the task must be an ' +
      'exported top-level function: write `export async function slowSquare(…)`, and pass `slowSquare` itself to the map.',
    noTaskOnA:
      'Worker A never started a task, so the program gave up waiting for it. The tasks must go to the cluster: ' +
      '`new ClusterPool({ redis })`, then `pool.map(slowSquare, numbers, 1)` started before `await untilRunning(a)` ' +
      '(keep its promise; do not await the map first).',

    bothRan: 'both worker programs ran tasks (their hosts and pids, from the trace)',
    noClusterTasks:
      'No task ran on a cluster worker: the trace has no task-start from either worker. Compute the squares with ' +
      '`pool.map(slowSquare, numbers, 1)` on the ClusterPool, not in this program and not on a local mp.Pool.',
    oneWorker:
      'Only one worker program ran tasks. Worker A must take a task before it is killed: start the map first, then ' +
      '`await untilRunning(a)`, and only then kill it. A worker killed before the map has nothing to lose, and ' +
      'proves nothing.',
    workersFound: 'tasks run by 2 workers',

    rerun: 'the task of the killed worker ran again on the other worker',
    noneCutOff:
      'No worker died in the middle of a task: every task that started also ended on the same worker. Kill worker A ' +
      'while it runs one: start the map without awaiting it, `await untilRunning(a)`, then ' +
      "`a.child.kill('SIGKILL')`, and await the map after that. (SIGTERM is a polite stop: the worker finishes its task " +
      'first, so nothing needs to run again. Killing after the map came back is too late for the same reason.)',
    notRerun:
      'Worker {worker} died during job {job}, but no other worker ran that job again to its end. The cluster re-runs it ' +
      'a few seconds later, once the dead worker stops renewing its lock: keep worker B running, and await the map, ' +
      'until every result is back.',
    cutOff: 'job {job} cut off on worker {worker}',
    rerunOn: 'job {job} run again (attempt ≥ 1) on another worker',

    results: 'every result came back exactly once, in input order',
    printSquares: 'The program should print `main: squares [ … ]`, the array the map resolved with, from the main program.',
    order:
      'The squares are all there, but not in input order. The killed task came back last; `pool.map` still puts each ' +
      'result at its input position. Collect with `await pool.map(…)`, not in the order results arrive (`imapUnordered`).',
    exactlyOnce: 'There should be exactly one square for each number from 1 to {tasks}, in order: no result lost, none twice.',
  },
  'zh-CN': {
    lesson: '第 23 课：集群进程池，以及一个在任务中途死掉的工作进程',
    needsRedis:
      '已跳过：本课需要一个 Redis 服务器，而这里没有安装 redis-server。请安装它（Debian/Ubuntu：' +
      '`sudo apt-get install redis-server`；macOS：`brew install redis`），或者让 PROCLAB_REDIS 指向一个正在运行的服务器' +
      '（`PROCLAB_REDIS=redis://host:6379`），然后再检查一次。',
    timeout:
      'map 一直没有返回。杀掉工作进程 A 不会丢失任何东西，但它的任务只有在另一个工作进程还在、能接手时才会重新运行：' +
      '请让工作进程 B 一直运行到 `await squaring` 返回之后，并在 finally 块里停止工作进程和 Redis。',

    finished: '程序运行到了结尾，然后停止了它的工作进程和 Redis',
    crashed: '程序崩溃了：请阅读上面的错误。它应当启动两个工作进程，在它们上面做 map，然后正常退出。',
    exportTask:
      '集群工作进程按模块路径导入任务，和进程池的进程一样，所以任务必须是一个导出的顶层函数：' +
      '请写 `export async function slowSquare(…)`，并把 `slowSquare` 本身传给 map。',
    noTaskOnA:
      '工作进程 A 始终没有开始任何任务，所以程序等不下去了。任务必须交给集群：`new ClusterPool({ redis })`，' +
      '然后在 `await untilRunning(a)` 之前启动 `pool.map(slowSquare, numbers, 1)`（保存它的 promise；不要先 await 这个 map）。',

    bothRan: '两个工作进程程序都运行了任务（它们的主机和 pid 来自跟踪记录）',
    noClusterTasks:
      '没有任何任务在集群工作进程上运行：跟踪记录里没有来自任何一个工作进程的 task-start。请在 ClusterPool 上用 ' +
      '`pool.map(slowSquare, numbers, 1)` 计算平方，不要在本程序里算，也不要用本地的 mp.Pool。',
    oneWorker:
      '只有一个工作进程程序运行了任务。工作进程 A 必须在被杀掉之前接到一个任务：先启动 map，然后 ' +
      '`await untilRunning(a)`，这之后才杀掉它。在 map 之前就被杀掉的工作进程没有东西可丢，什么也证明不了。',
    workersFound: '由 2 个工作进程运行的任务',

    rerun: '被杀掉的工作进程的任务在另一个工作进程上重新运行了',
    noneCutOff:
      '没有任何工作进程死在任务中途：每个开始了的任务都在同一个工作进程上结束了。请在工作进程 A 运行任务时杀掉它：' +
      "启动 map 但先不 await，`await untilRunning(a)`，然后 `a.child.kill('SIGKILL')`，之后再 await 这个 map。" +
      '（SIGTERM 是礼貌的停止：工作进程会先完成它的任务，于是没有什么需要重新运行。在 map 返回之后再杀也太晚了，道理相同。）',
    notRerun:
      '工作进程 {worker} 在作业 {job} 运行期间死掉了，但没有其他工作进程把这个作业重新运行到结束。死掉的工作进程不再续期它的锁，' +
      '几秒钟后集群就会重新运行这个作业：请让工作进程 B 一直运行，并 await 这个 map，直到每个结果都回来。',
    cutOff: '作业 {job} 在工作进程 {worker} 上被中断',
    rerunOn: '作业 {job} 在另一个工作进程上重新运行（attempt ≥ 1）',

    results: '每个结果都恰好回来了一次，并且按输入顺序排列',
    printSquares: '程序应当由主程序打印 `main: squares [ … ]`，即 map resolve 得到的数组。',
    order:
      '平方都在，但不是按输入顺序排列的。被杀掉的那个任务最后才回来；`pool.map` 仍会把每个结果放在它输入的位置上。' +
      '请用 `await pool.map(…)` 收集结果，而不是按结果到达的顺序收集（`imapUnordered`）。',
    exactlyOnce: '从 1 到 {tasks} 的每个数都应当恰好有一个平方，并且按顺序排列：没有丢失的结果，也没有重复的结果。',
  },
})
