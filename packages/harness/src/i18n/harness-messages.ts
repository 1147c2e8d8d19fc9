import { defineMessages, translator, type Translate } from './catalog.ts'
import { LANGUAGES } from './language.ts'

/** The harness's own words in failures, around the lesson's hint: what was expected and found, the program's output, timeouts. */
export const HARNESS_MESSAGES = defineMessages({
  en: {
    expected: 'Expected: {value}',
    found: 'Found:    {value}',
    exitCodeHint: 'The program should exit with code {code}.',
    crashed: '{hint} It crashed: read its stderr below.',
    exitCode: 'exit code {code}',
    lineMatching: 'a line matching {pattern}',
    noSuchLine: 'no such line',
    linesMatching: '{count} line(s) matching {pattern}',
    lineBefore: '{first} (line {line}) before {second}',
    lineAfter: '{second} at line {at}, before line {line}',
    differentValues: '{count} different values',
    printedBy: '{what}, printed by {who}',
    whoMain: 'the main process',
    whoChild: 'a child process',
    whoNamed: 'process {name}',
    whoPid: 'pid {pid}',
    whoChosen: 'the process that should print it',
    author: '{name} (pid {pid})',
    authorThread: 'a worker thread of {name} (pid {pid})',
    authorUnknown: 'no proclab process (nothing traced it)',
    joinedBefore: '{parent} joins {child} (await join()) before {line}',
    joinedBeforeEnd: '{parent} joins {child} (await join())',
    neverJoined: 'no join of {child}',
    neverStarted: '{child} was never started',
    joinedOnlyAtExit: 'no join of {child} by the program: proclab joined it itself when the main code was done',
    joinedAfter: 'the join of {child} returned after {line}',
    tasksAtOnce: '{count} pool tasks running at the same time, in different processes',
    atMostAtOnce: 'at most {count} at a time ({tasks} tasks traced)',
    handedAtOnce: '{found}; the program had at most {handed} handed to the pool and not yet finished at once',
    printedWhileHolding: 'every line matching {pattern} printed while its process holds a {kind}',
    printedOutsideHold: 'line {line} ({text}) was printed by {who} while it held no {kind}',
    raisedIn: 'proclab throws {error} in {who}',
    notRaised: 'proclab threw no {error} there',
    startedBeforeJoin: '{children} all started before the first join() returned',
    startedAfterJoin: '{children} started only after the join of {joined} had returned',
    stoppedBy: '{parent} calls {api}() on {child} before it exits',
    notStoppedBy: 'no {api}() call on it: it ended some other way (it signalled itself, or a signal was sent with process.kill)',

    program: 'Program: {file}, {ended}',
    yourExercise: 'your exercise',
    solution: 'solution',
    givenProgram: 'program under test',
    stopped: 'stopped',
    emptyOutput: '── {stream}: (empty) ──',
    moreLines: '… {count} more lines …',
    similarLines: '… {count} more lines like these …',
    timeline: '── timeline ──',
    outputAbandoned: "(proclab stopped reading the output: a process outside the program's group still held it open)",

    timeout:
      'The program did not finish within {timeout} ms, so it was stopped. A program that never ends is usually waiting ' +
      'for something that never comes: a join() on a child that never exits, a get() on a queue nobody puts into, a ' +
      "recv() on a pipe whose other end is still open somewhere (the parent's copy?), or a lock nobody releases.",
    stillRunningWhenStopped: 'Still running when it was stopped:',
    nothingRunning: '(nothing: the program was exiting)',
    waitingOn: 'waiting on {target}',
    running: 'running',
    esbuild: 'esbuild, transpiling TypeScript (not yours)',
    spare: "proclab's idle spare for the next child (not yours)",
    leftovers: 'Your program exited but left processes running: every process it starts must end with it.',
    stillRunningAfterExit: 'Still running after the program exited:',
    legendStarting: 'starting (its code not running yet)',
    legendRun: 'running',
    legendWait: 'waiting',
    legendWaitOn: 'waiting on {kind}',
    legendTask: 'a pool task',
    legendTaskNumber: 'pool task {number} (numbered from 1, as handed to the pool)',
    legendLock: 'holding a lock',
    legendAutoJoin: 'the join at exit, made by proclab (no join() in your code)',
    legendTooShort: 'tasks too short here for their numbers',
    legendNoExit: 'no exit traced: still running when the trace ended',
    legendHover: 'Hover a rectangle to see what the process did or waited on, and when.',
  },
  'zh-CN': {
    expected: '期望：{value}',
    found: '实际：{value}',
    exitCodeHint: '程序应当以退出码 {code} 结束。',
    crashed: '{hint}它崩溃了：请阅读下面的 stderr。',
    exitCode: '退出码 {code}',
    lineMatching: '有一行匹配 {pattern}',
    noSuchLine: '没有这样的行',
    linesMatching: '{count} 行匹配 {pattern}',
    lineBefore: '{first}（第 {line} 行）在 {second} 之前',
    lineAfter: '{second} 在第 {at} 行，早于第 {line} 行',
    differentValues: '{count} 个互不相同的值',
    printedBy: '{what}，由{who}打印',
    whoMain: '主进程',
    whoChild: '某个子进程',
    whoNamed: '进程 {name}',
    whoPid: 'pid {pid}',
    whoChosen: '应当打印它的那个进程',
    author: '{name}（pid {pid}）',
    authorThread: '{name}（pid {pid}）的一个工作线程',
    authorUnknown: '不是 proclab 进程（追踪中没有记录）',
    joinedBefore: '{parent} 在 {line} 之前 join 了 {child}（await join()）',
    joinedBeforeEnd: '{parent} join 了 {child}（await join()）',
    neverJoined: '没有 join {child}',
    neverStarted: '{child} 从未被启动',
    joinedOnlyAtExit: '程序没有 join {child}：是主代码结束后 proclab 自己 join 了它',
    joinedAfter: '对 {child} 的 join 在 {line} 之后才返回',
    tasksAtOnce: '{count} 个进程池任务在不同进程中同时运行',
    atMostAtOnce: '同一时刻最多 {count} 个（追踪到 {tasks} 个任务）',
    handedAtOnce: '{found}；程序同一时刻最多只有 {handed} 个已交给进程池、尚未完成的任务',
    printedWhileHolding: '每一行匹配 {pattern} 的输出，都是在其进程持有 {kind} 时打印的',
    printedOutsideHold: '第 {line} 行（{text}）由{who}打印，当时它没有持有 {kind}',
    raisedIn: 'proclab 在{who}中抛出 {error}',
    notRaised: 'proclab 在那里没有抛出 {error}',
    startedBeforeJoin: '{children} 全部在第一个 join() 返回之前启动',
    startedAfterJoin: '{children} 直到 {joined} 的 join 返回之后才启动',
    stoppedBy: '{parent} 在 {child} 退出之前对它调用 {api}()',
    notStoppedBy: '没有对它调用 {api}()：它是以别的方式结束的（它给自己发了信号，或者有人用 process.kill 发了信号）',

    program: '程序：{file}，{ended}',
    yourExercise: '你的练习',
    solution: '参考答案',
    givenProgram: '被测程序',
    stopped: '被停止',
    emptyOutput: '── {stream}：（空） ──',
    moreLines: '… 中间省略 {count} 行 …',
    similarLines: '… 还有 {count} 行与此类似 …',
    timeline: '── 时间线 ──',
    outputAbandoned: '（proclab 停止读取输出：程序进程组之外的某个进程仍然占用着它）',

    timeout:
      '程序没有在 {timeout} 毫秒内结束，所以被停止了。一个永远不结束的程序，通常是在等待一件永远不会发生的事：' +
      '对一个永不退出的子进程调用 join()，对一个没有人 put 的队列调用 get()，对一个另一端仍在某处开着的管道调用 ' +
      'recv()（父进程手里的那一端？），或者等待一把没有人释放的锁。',
    stillRunningWhenStopped: '被停止时仍在运行的进程：',
    nothingRunning: '（没有：程序正在退出）',
    waitingOn: '正在等待 {target}',
    running: '正在运行',
    esbuild: 'esbuild，正在转译 TypeScript（不是你的进程）',
    spare: 'proclab 为下一个子进程预备的空闲进程（不是你的进程）',
    leftovers: '你的程序退出了，却留下了仍在运行的进程：它启动的每个进程都必须随它一起结束。',
    stillRunningAfterExit: '程序退出后仍在运行的进程：',
    legendStarting: '正在启动（它的代码还没有运行）',
    legendRun: '正在运行',
    legendWait: '正在等待',
    legendWaitOn: '正在等待 {kind}',
    legendTask: '一个进程池任务',
    legendTaskNumber: '进程池任务 {number}（按交给进程池的顺序从 1 开始编号）',
    legendLock: '持有一把锁',
    legendAutoJoin: '退出时的 join，由 proclab 自动进行（你的代码里没有 join()）',
    legendTooShort: '这里的任务太短，放不下它们的编号',
    legendNoExit: '没有记录到退出：追踪结束时它仍在运行',
    legendHover: '把鼠标悬停在矩形上，可以看到该进程在何时做了什么、等待了什么。',
  },
})

/** The harness's words in the language the environment chooses now (a test may change it between runs). */
export function harnessWords(): Translate<typeof HARNESS_MESSAGES.en> {
  return translator(HARNESS_MESSAGES)
}

/**
 * Where the program's output starts in a failure message, in any language: the line `Program: …`
 * (`程序：…`) that follows the lesson's hint and what was expected and found.
 * @example message.search(PROGRAM_OUTPUT_HEADING) // the index of `Program: lessons/08-queue/exercise.ts …`
 */
export const PROGRAM_OUTPUT_HEADING = new RegExp(
  `^(?:${LANGUAGES.map((language) => escapeRegExp(HARNESS_MESSAGES[language].program.split('{')[0]!)).join('|')})`,
  'm',
)

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
