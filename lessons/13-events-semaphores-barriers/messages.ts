import { defineMessages } from '@proclab/harness'

/** Every check name and hint of this lesson's test, in English and in Chinese. */
export const messages = defineMessages({
  en: {
    lesson: 'lesson 13: Event, Semaphore and Barrier',
    timeout:
      'A worker that waits for the event must be let go by `await go.set()` in the parent (keep it), and a barrier lets its ' +
      'parties through only once all WORKERS of them have called `finish.wait()`: every worker must reach it, also if it ' +
      'skipped the gate.',
    noBarrier:
      'No worker printed `worker N: passed the barrier as party P`. After the gate, wait at the barrier ' +
      '(`const position = await finish.wait()`) and then print that line.',
    noGate:
      'No worker went through the gate: the trace has no acquire of a semaphore by any worker. In worker(), wrap the three ' +
      'lines of the gate in `await gate.runExclusive(async () => { … })`.',

    exits: 'the program exits normally',
    exitsHint: 'The program should finish without an error.',

    throughGate: 'every worker went through the gate',
    someSkipped:
      "Some workers never took the gate's semaphore ({workers}): every worker must pass through " +
      '`gate.runExclusive(…)`, not only some of them.',
    acquireByEach: 'an acquire of the gate by each of {workers}',
    noneBy: 'none by {workers}',

    atMost: 'never more than {size} workers inside the gate at once (from the trace)',
    manySemaphores:
      'The workers acquired more than one semaphore. The gate is one `new mp.Semaphore(GATE_SIZE)`, made by the parent ' +
      'and handed to every worker: a semaphore made inside a worker keeps nobody else out.',
    oneSemaphore: 'one gate semaphore',
    semaphoresFound: '{count} semaphores',
    tooMany:
      '{most} workers were inside the gate at the same time, but it has room for {size}. Keep the gate a ' +
      '`new mp.Semaphore(GATE_SIZE)`, and put the whole visit (inside, sleep, leaving) in `gate.runExclusive(…)`.',
    insideAtMost: 'at most {size} inside at once',
    insideFound: '{most} inside at once (entered so far: {entered})',
    releasedEarly:
      'A worker printed its gate lines while it no longer held the gate: it released the semaphore before its visit, ' +
      'so the gate kept nobody out while it worked. The whole visit (inside, sleep, leaving) goes inside ' +
      '`await gate.runExclusive(async () => { … })`, or between `await gate.acquire()` and a `gate.release()` in finally.',

    afterSignal: 'no worker entered the gate before the start signal was set (from the trace)',
    neverSet: 'The parent never set the start signal: keep `await go.set()` in the guarded block.',
    early:
      '{workers} entered the gate before the parent set the start signal. ' +
      'Each worker must wait for it before the gate: `await go.wait()`.',
    earlyNoAwait:
      '{workers} entered the gate before the parent set the start signal, although they called go.wait(): wait() ' +
      'returns a Promise, and a call that is not awaited lets the worker go straight on. The worker must stop there ' +
      'until the signal is set.',
    afterSet: 'every acquire of the gate after `set`',
    beforeSet: '{worker} {ms} ms before set',
    neverWaited:
      '{workers} never waited for the start signal: the trace has no `go.wait()` of theirs that the event let through. ' +
      'Sleeping until the parent has probably said go is a guess, not a signal: `await go.wait()` returns exactly when ' +
      '`go.set()` has been called, however slow the machine.',
    waitedByEach: 'a go.wait() let through by the event, in each of {workers}',

    readyFirst: 'the parent gave the start signal after all {workers} workers were ready',
    goTooSoon:
      "The parent said go after only {count} of the {workers} workers' `ready.release()`, so it printed 'all ready' " +
      'before every worker had lined up. A sleep is a guess: keep the given loop, one `await ready.acquire()` per worker, ' +
      'before `go.set()`.',
    readyTaken: '{workers} acquires of `ready` by the parent before go.set()',
    readyTakenFound: '{count}',

    passedBarrier: 'every worker passed the barrier, as parties 0 to {last}',
    passedOnce: 'Each of the {workers} workers should print its `passed the barrier` line exactly once.',
    positions:
      '`finish.wait()` resolves to a different position for each party, 0 to {last}: print the value it ' +
      'returned (`const position = await finish.wait()`), not a number of your own.',
    barrierLineByOther:
      "A `passed the barrier` line was printed by another process than the worker it names: each worker prints its own " +
      'line, in worker(), right after its `await finish.wait()`. The parent printing them after its joins proves nothing ' +
      'about the barrier.',
    ownLine: '`worker N: passed …` printed by worker-N',
    printedByOther: '{line} (printed by {who})',
    neverAtBarrier:
      '{workers} printed a `passed the barrier` line but never waited at the barrier: the trace has no `finish.wait()` of ' +
      'theirs that returned. A sleep only guesses how long the others take; `const position = await finish.wait()` ' +
      'returns once all WORKERS have arrived.',
    passByEach: 'a finish.wait() that returned, in each of {workers}',
    notThePosition:
      'A worker printed a position that is not the position its `finish.wait()` returned (its index is not its place of ' +
      'arrival). Print what wait() resolved to: `const position = await finish.wait()`.',
    tracedPositions: 'the positions the barrier gave: {positions}',

    barrierHolds: 'nobody passed the barrier before every worker had left the gate',
    leftOnce: 'Each of the {workers} workers should print `worker N: leaving the gate` once.',
    wentOn:
      'A worker went on while others had not yet left the gate. The barrier holds every worker until all ' +
      '{workers} have called `await finish.wait()`: call it after the gate, and print the `passed` line only after it.',
  },
  'zh-CN': {
    lesson: '第 13 课：Event、Semaphore 和 Barrier',
    timeout:
      '等待事件的工作进程，必须由父进程里的 `await go.set()` 放行（请保留它）；而屏障只有在全部 WORKERS 个参与者' +
      '都调用了 `finish.wait()` 之后才会放它们通过：每个工作进程都必须到达屏障，即使它跳过了闸门。',
    noBarrier:
      '没有任何工作进程打印 `worker N: passed the barrier as party P`。请在闸门之后在屏障处等待' +
      '（`const position = await finish.wait()`），然后打印这一行。',
    noGate:
      '没有任何工作进程通过闸门：追踪记录里没有任何工作进程获取信号量的记录。请在 worker() 里，把闸门的那三行' +
      '包在 `await gate.runExclusive(async () => { … })` 里。',

    exits: '程序正常退出',
    exitsHint: '程序应当运行结束，并且没有出错。',

    throughGate: '每个工作进程都通过了闸门',
    someSkipped: '有些工作进程从未获取闸门的信号量（{workers}）：每个工作进程都必须经过 `gate.runExclusive(…)`，而不是只有其中一些。',
    acquireByEach: '{workers} 每个都获取过一次闸门',
    noneBy: '{workers} 一次都没有',

    atMost: '闸门里同时从不超过 {size} 个工作进程（根据追踪记录）',
    manySemaphores:
      '工作进程获取了不止一个信号量。闸门是由父进程创建、交给每个工作进程的同一个 `new mp.Semaphore(GATE_SIZE)`：' +
      '在工作进程内部创建的信号量挡不住任何别的进程。',
    oneSemaphore: '一个闸门信号量',
    semaphoresFound: '{count} 个信号量',
    tooMany:
      '闸门里同时有 {most} 个工作进程，但它只容得下 {size} 个。请让闸门保持为 ' +
      '`new mp.Semaphore(GATE_SIZE)`，并把整个访问过程（inside、sleep、leaving）放进 `gate.runExclusive(…)` 里。',
    insideAtMost: '同时最多 {size} 个在里面',
    insideFound: '同时有 {most} 个在里面（到那时为止进入的：{entered}）',
    releasedEarly:
      '有工作进程在已经不再持有闸门时打印了闸门里的那几行：它在工作之前就释放了信号量，所以它工作时闸门谁也没拦住。' +
      '整个过程（进入、sleep、离开）都要放在 `await gate.runExclusive(async () => { … })` 里，' +
      '或者放在 `await gate.acquire()` 与 finally 里的 `gate.release()` 之间。',

    afterSignal: '在开始信号发出之前，没有工作进程进入闸门（根据追踪记录）',
    neverSet: '父进程从未发出开始信号：请在受保护的代码块里保留 `await go.set()`。',
    early: '{workers} 在父进程发出开始信号之前就进入了闸门。每个工作进程都必须在闸门之前等待这个信号：`await go.wait()`。',
    earlyNoAwait:
      '{workers} 在父进程发出开始信号之前就进入了闸门，尽管它们调用了 go.wait()：wait() 返回的是 Promise，' +
      '没有 await 的调用会让工作进程直接往下走。工作进程必须在那里停住，直到信号发出。',
    afterSet: '每次获取闸门都发生在 `set` 之后',
    beforeSet: '{worker} 比 set 早 {ms} 毫秒',
    neverWaited:
      '{workers} 从未等待开始信号：追踪记录里没有它们被事件放行的 `go.wait()`。睡到父进程“大概已经”发出信号为止，' +
      '只是猜测，不是信号：`await go.wait()` 恰好在 `go.set()` 被调用之后返回，机器再慢也一样。',
    waitedByEach: '{workers} 每个都有一次被事件放行的 go.wait()',

    readyFirst: '父进程在全部 {workers} 个工作进程都就绪之后才发出开始信号',
    goTooSoon:
      "父进程只等到了 {workers} 个工作进程中 {count} 个的 `ready.release()` 就发出了开始信号，所以它在并非每个工作进程都" +
      "就位时就打印了 'all ready'。sleep 只是猜测：请保留给出的循环，在 `go.set()` 之前每个工作进程一次 `await ready.acquire()`。",
    readyTaken: '父进程在 go.set() 之前获取 `ready` {workers} 次',
    readyTakenFound: '{count}',

    passedBarrier: '每个工作进程都通过了屏障，参与者编号为 0 到 {last}',
    passedOnce: '{workers} 个工作进程中的每一个，都应当恰好打印一次它的 `passed the barrier` 行。',
    positions:
      '`finish.wait()` 会为每个参与者给出一个不同的位置，从 0 到 {last}：请打印它返回的值' +
      '（`const position = await finish.wait()`），而不是你自己的数。',
    barrierLineByOther:
      '有一行 `passed the barrier` 不是由它所提到的那个工作进程打印的：每个工作进程都要在 worker() 里、在它的 ' +
      '`await finish.wait()` 之后立刻打印自己的那一行。父进程在 join 之后代为打印，什么也证明不了屏障。',
    ownLine: '`worker N: passed …` 由 worker-N 打印',
    printedByOther: '{line}（由 {who} 打印）',
    neverAtBarrier:
      '{workers} 打印了 `passed the barrier` 这一行，却从未在屏障处等待：追踪记录里没有它们返回了的 `finish.wait()`。' +
      'sleep 只是猜别人要多久；`const position = await finish.wait()` 会在全部 WORKERS 个都到达之后才返回。',
    passByEach: '{workers} 每个都有一次返回了的 finish.wait()',
    notThePosition:
      '有工作进程打印的位置并不是它的 `finish.wait()` 返回的位置（它的编号不等于它到达的次序）。' +
      '请打印 wait() 给出的值：`const position = await finish.wait()`。',
    tracedPositions: '屏障给出的位置：{positions}',

    barrierHolds: '在每个工作进程都离开闸门之前，没有人通过屏障',
    leftOnce: '{workers} 个工作进程中的每一个，都应当打印一次 `worker N: leaving the gate`。',
    wentOn:
      '有的工作进程在别的工作进程还没离开闸门时就继续往下走了。屏障会拦住每个工作进程，直到全部 ' +
      '{workers} 个都调用了 `await finish.wait()`：请在闸门之后调用它，并且只在它之后打印 `passed` 那一行。',
  },
})
