import { defineMessages } from '@proclab/harness'

/** Every check name and hint of this lesson's test, in English and in Chinese. */
export const messages = defineMessages({
  en: {
    lesson: 'lesson 12: locks',
    timeout:
      'Did you turn the RLock of part 3 into a plain Lock? add() takes the lock that addAndReport() already holds: an RLock ' +
      'counts that second hold, a Lock waits for itself forever.',

    exits: 'the program exits normally',
    exitsHint: 'The program should finish without an error.',

    raceRan: 'the unlocked race ran (its total is printed, not judged)',
    raceRanHint: 'Keep part 1 and its line `unlocked total: … of …`: it shows what the lock prevents.',

    tookLock: "every locked worker took the counter's lock",
    noWorkerLocked:
      'No locked worker ever took a lock, so part 2 is still the race of part 1: it may come out right on one run ' +
      "and wrong on the next. In addLocked(), do the increment while holding the counter's lock: " +
      '`await counter.getLock().runExclusive(() => { counter.value += 1 })`.',
    someUnlocked:
      "Some locked workers never took a lock ({workers}). Every worker must take the counter's lock " +
      'around its increment: `await counter.getLock().runExclusive(() => { counter.value += 1 })`.',
    acquiresFrom: 'acquire events from {workers}',
    noneFrom: 'none from {workers}',
    differentLocks:
      'The locked workers took different locks, so none of them kept the others out. A lock protects only against ' +
      "processes that take the same lock: use the counter's own, `counter.getLock()`, in every worker " +
      '(a `new mp.Lock()` made inside a worker is a lock of its own).',
    oneLock: 'one lock, shared by all the locked workers',
    locksFound: '{count} different locks',

    exactTotal: 'the locked total is exact: {workers} x {increments} = {expected}',
    printLockedTotal: 'Keep part 2 and its line `locked total: … of …`.',
    lostUpdates:
      'The locked total was {total}, not {expected}: some updates were lost, so some increment ran outside the lock. ' +
      'Did you wrap the whole of `counter.value += 1` (its read and its write) in ' +
      '`await counter.getLock().runExclusive(() => { … })`, and await it?',

    heldTwice: 'each child of part 3 held the RLock around its add and its report, and add() took it again inside',
    neverLocked: '{name} never took a lock: keep add() as it is (it takes the lock), and hold the lock in addAndReport() too.',
    onlyInsideAdd:
      '{name} took the lock only inside add(), never around the whole of addAndReport(), so the other child could ' +
      'add between its add and its report. Wrap the body of addAndReport() in ' +
      '`await lock.runExclusive(async () => { … })`. Then add() takes the same lock a second time, from inside: ' +
      'an RLock allows that, because its holder is this very process.',
    holdingTwice: '{name} holding the RLock twice at once',
    holdsFound: 'at most {count} hold(s) at once',

    reports: 'the children reported 11 (or 21) and then 31',
    printReport: 'Each child of part 3 should print `rlock: rlock-N pid=… added …, data[0] is now …` once: keep that line in addAndReport().',
    both31:
      'Both children reported 31: the second child added while the first was still between its add and its report. ' +
      'Hold the lock for the whole of addAndReport(), so that whoever comes first reports 1 + its own amount ' +
      '(11 or 21), and the second reports 31.',
    firstThenSecond: 'The child that takes the lock first should report 1 + its own amount (11 or 21), and the other one 31.',
    expectedReports: '11 and 31, or 21 and 31',
    // Joins the values the children reported.
    and: ' and ',

    endsAt31: 'part 3 ends at 31',
    printFinal: 'The parent should print `rlock: after join, data[0] = …` at the end: keep that line.',
    final31:
      'data[0] starts at 1 and the children add 10 and 20, so after both joins it should be 31. Keep the add inside ' +
      'add() under the lock, and join both children before the last line.',
    joinWorkers:
      'The parent printed `locked total` without having joined all four locked workers: keep `await worker.join()` for each ' +
      'in count(). A sleep only guesses that they are done; a count read before they are can be short.',
    joinRlockChildren:
      'The parent printed `rlock: after join, data[0] = …` without having joined both rlock children: `await child.join()` for ' +
      'each before reading data[0]. A sleep only guesses that they are done.',
  },
  'zh-CN': {
    lesson: '第 12 课：锁',
    timeout:
      '你是不是把第 3 部分的 RLock 换成了普通的 Lock？add() 要获取的锁，addAndReport() 已经持有了：RLock ' +
      '会把这第二次持有记下来，而 Lock 会永远等待它自己。',

    exits: '程序正常退出',
    exitsHint: '程序应当运行结束，并且没有出错。',

    raceRan: '不加锁的竞争运行过了（只打印它的总数，不作评判）',
    raceRanHint: '请保留第 1 部分和它的那一行 `unlocked total: … of …`：它展示了锁所防止的问题。',

    tookLock: '每个加锁的工作进程都获取了计数器的锁',
    noWorkerLocked:
      '没有任何一个加锁的工作进程获取过锁，所以第 2 部分仍然是第 1 部分的那场竞争：这次运行结果可能是对的，' +
      '下次就可能是错的。请在 addLocked() 里，在持有计数器的锁时做加一：' +
      '`await counter.getLock().runExclusive(() => { counter.value += 1 })`。',
    someUnlocked:
      '有些加锁的工作进程从未获取过锁（{workers}）。每个工作进程都必须在加一的前后持有计数器的锁：' +
      '`await counter.getLock().runExclusive(() => { counter.value += 1 })`。',
    acquiresFrom: '来自 {workers} 的 acquire 事件',
    noneFrom: '来自 {workers} 的一个都没有',
    differentLocks:
      '这些加锁的工作进程获取的是不同的锁，所以谁也挡不住别人。一把锁只能防住获取同一把锁的进程：' +
      '请在每个工作进程里都使用计数器自己的锁 `counter.getLock()`' +
      '（在工作进程内部 `new mp.Lock()` 得到的是一把只属于它自己的锁）。',
    oneLock: '一把锁，由所有加锁的工作进程共用',
    locksFound: '{count} 把不同的锁',

    exactTotal: '加锁后的总数是精确的：{workers} x {increments} = {expected}',
    printLockedTotal: '请保留第 2 部分和它的那一行 `locked total: … of …`。',
    lostUpdates:
      '加锁后的总数是 {total}，而不是 {expected}：有些更新丢失了，所以有的加一是在锁外执行的。' +
      '你是否把整个 `counter.value += 1`（包括读和写）都包在了 ' +
      '`await counter.getLock().runExclusive(() => { … })` 里，并且 await 了它？',

    heldTwice: '第 3 部分的每个子进程都在 add 和报告的前后持有 RLock，并且 add() 在内部再次获取了它',
    neverLocked: '{name} 从未获取过锁：请保持 add() 不变（它会获取锁），并且在 addAndReport() 里也持有这把锁。',
    onlyInsideAdd:
      '{name} 只在 add() 内部获取了锁，从未在整个 addAndReport() 的前后持有它，所以另一个子进程可能在它的 add 和' +
      '报告之间插进来执行 add。请把 addAndReport() 的函数体包在 ' +
      '`await lock.runExclusive(async () => { … })` 里。这样 add() 会从内部第二次获取同一把锁：' +
      'RLock 允许这样做，因为持有它的正是这个进程自己。',
    holdingTwice: '{name} 同时两次持有 RLock',
    holdsFound: '同时最多持有 {count} 次',

    reports: '子进程先报告 11（或 21），然后报告 31',
    printReport: '第 3 部分的每个子进程都应当打印一次 `rlock: rlock-N pid=… added …, data[0] is now …`：请保留 addAndReport() 里的这一行。',
    both31:
      '两个子进程报告的都是 31：第一个子进程还处在它的 add 和报告之间时，第二个子进程就执行了 add。' +
      '请在整个 addAndReport() 期间持有锁，这样先拿到锁的那个报告 1 加上它自己的数' +
      '（11 或 21），第二个报告 31。',
    firstThenSecond: '先拿到锁的子进程应当报告 1 加上它自己的数（11 或 21），另一个报告 31。',
    expectedReports: '11 和 31，或者 21 和 31',
    and: ' 和 ',

    endsAt31: '第 3 部分以 31 结束',
    printFinal: '父进程应当在最后打印 `rlock: after join, data[0] = …`：请保留这一行。',
    final31:
      'data[0] 从 1 开始，两个子进程分别加 10 和 20，所以两次 join 之后它应当是 31。请让 add() 里的加法' +
      '保持在锁内，并在最后一行之前 join 两个子进程。',
    joinWorkers:
      '父进程在 join 全部四个加锁的工作进程之前就打印了 `locked total`：请在 count() 里保留对每个进程的 `await worker.join()`。' +
      'sleep 只是在猜它们已经做完；在它们做完之前读到的计数可能偏少。',
    joinRlockChildren:
      '父进程在 join 两个 rlock 子进程之前就打印了 `rlock: after join, data[0] = …`：在读取 data[0] 之前，请对每个子进程 ' +
      '`await child.join()`。sleep 只是在猜它们已经做完。',
  },
})
