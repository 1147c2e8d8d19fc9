import { defineMessages } from '@proclab/harness'

/** Every check name and hint of this lesson's test, in English and in Chinese. */
export const messages = defineMessages({
  en: {
    lesson: 'lesson 06: daemon children',
    leak:
      'The heartbeat was still running after the program had exited: a daemon child must end with its parent. ' +
      "Create it with `new mp.Process({ target: heartbeat, name: 'heartbeat', daemon: true })` and let proclab stop it.",
    printHeartbeat: 'The parent should still print `heartbeat pid=… daemon=…` after starting the heartbeat.',

    exits: 'the program exits normally',
    exitsHint: 'The program should finish without an error.',

    workerFinished: 'the non-daemon worker finished its work before the parent ended',
    workerFinishedHint:
      "The worker should print `worker done` before the parent's `parent done`. The worker is not a daemon: leave it as it " +
      'is, and keep `await worker.join()` before the last line. Only the heartbeat becomes a daemon.',

    workerPrintsHint: "`worker done` should be printed by the worker itself, at the end of work(): leave work() as it is.",
    joinWorkerHint:
      'The parent printed `parent done` without having joined the worker: a sleep only guesses how long the work takes. ' +
      'Keep `await worker.join()` before the last line: it returns once the worker has really ended.',

    startedAsDaemon: 'only the heartbeat was started as a daemon',
    notStarted: 'The trace has no record of the heartbeat being started: start it with `pulse.start()`.',
    aSpawnEvent: 'a spawn event for pid {pid}',
    none: 'none',
    notDaemon:
      "The heartbeat was started as an ordinary (non-daemon) child, so the program had to wait for it. Pass `daemon: true` when you create it: `new mp.Process({ target: heartbeat, name: 'heartbeat', daemon: true })`.",

    endedWithParent: 'the heartbeat ended with the parent instead of running on by itself',
    ranOn:
      "The heartbeat ran on after `parent done` until it stopped by itself: the program waited for it, as it waits for every non-daemon child. " +
      'A daemon is never waited for: it is terminated as its parent exits. Make it a daemon, then remove its 30-beat limit.',
    noOwnExit: 'no exit code 0 for the heartbeat in the trace',
    ownExit: 'the heartbeat exited with code 0 while the parent waited',
    workerDaemon:
      "The worker was started as a daemon too, but its work must be finished: a daemon is terminated as its parent exits, whether it is done or not. Create the worker without `daemon: true`.",
    workerOrdinary: 'the worker started as an ordinary child (daemon=false)',
    endedBeforeDone:
      'The heartbeat had already ended when the parent printed `parent done`: the parent stopped it itself, so its daemon flag ended nothing. ' +
      'It should be still running when the parent printed its last line: do not terminate or join it, the parent\'s exit ends a daemon.',
    aliveAtDone: "the heartbeat still running at the parent's `parent done`",
    exitedBeforeDone: 'the heartbeat exited (exit code {code}) before `parent done`',
  },
  'zh-CN': {
    lesson: '第 06 课：守护子进程',
    leak:
      '程序退出之后，heartbeat 仍在运行：守护子进程必须随父进程一起结束。' +
      "请用 `new mp.Process({ target: heartbeat, name: 'heartbeat', daemon: true })` 创建它，让 proclab 去停止它。",
    printHeartbeat: '父进程启动 heartbeat 之后，仍应打印 `heartbeat pid=… daemon=…`。',

    exits: '程序正常退出',
    exitsHint: '程序应当运行结束，并且没有出错。',

    workerFinished: '非守护的 worker 在父进程结束之前完成了它的工作',
    workerFinishedHint:
      'worker 应当在父进程的 `parent done` 之前打印 `worker done`。worker 不是守护进程：保持它原样，' +
      '并保留最后一行之前的 `await worker.join()`。只有 heartbeat 要变成守护进程。',

    workerPrintsHint: '`worker done` 应当由 worker 自己在 work() 的末尾打印：请保持 work() 不变。',
    joinWorkerHint:
      '父进程在没有 join worker 的情况下就打印了 `parent done`：sleep 只是在猜工作要多久。' +
      '请在最后一行之前保留 `await worker.join()`：worker 真正结束之后它才会返回。',

    startedAsDaemon: '只有 heartbeat 是作为守护进程启动的',
    notStarted: '追踪记录里没有 heartbeat 被启动的记录：请用 `pulse.start()` 启动它。',
    aSpawnEvent: 'pid {pid} 的一个 spawn 事件',
    none: '没有',
    notDaemon:
      "heartbeat 是作为普通（非守护）子进程启动的，所以程序不得不等它结束。创建它时请传入 `daemon: true`：`new mp.Process({ target: heartbeat, name: 'heartbeat', daemon: true })`。",

    endedWithParent: 'heartbeat 随父进程一起结束，而不是自己一直运行下去',
    ranOn:
      'heartbeat 在 `parent done` 之后仍继续运行，直到自己停下：程序等了它，就像等待每一个非守护子进程一样。' +
      '守护进程从来不会被等待：父进程退出时它就会被终止。请把它设为守护进程，然后去掉它 30 次心跳的上限。',
    noOwnExit: '追踪记录里没有 heartbeat 的退出码 0',
    ownExit: 'heartbeat 在父进程等待期间以退出码 0 退出了',
    workerDaemon:
      'worker 也被作为守护进程启动了，但它的工作必须完成：守护进程会在父进程退出时被终止，不管它做完没有。创建 worker 时请不要传 `daemon: true`。',
    workerOrdinary: 'worker 作为普通子进程启动（daemon=false）',
    endedBeforeDone:
      '父进程打印 `parent done` 时，heartbeat 已经结束了：是父进程自己停止了它，所以它的守护标志什么也没有结束。' +
      '父进程打印最后一行时，它应当仍在运行：不要 terminate 或 join 它，父进程的退出会结束守护进程。',
    aliveAtDone: '父进程打印 `parent done` 时 heartbeat 仍在运行',
    exitedBeforeDone: 'heartbeat 在 `parent done` 之前就退出了（退出码 {code}）',
  },
})
