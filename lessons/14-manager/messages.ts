import { defineMessages } from '@proclab/harness'

/** Every check name and hint of this lesson's test, in English and in Chinese. */
export const messages = defineMessages({
  en: {
    lesson: 'lesson 14: sharing a dict, a list and a namespace through a Manager',
    keepPrinting: 'The parent should still print {what} after the joins: keep that line at the end of the program.',
    // Joins names of processes.
    and: ' and ',

    childDidNotSet:
      "The dict holds an entry for {names}, but that child never called set on the dict (the trace records every call " +
      'in the process that makes it): another process, most likely the parent, wrote it. Each child writes its own ' +
      'entry in visit(): `await pids.set(name, process.pid)`.',
    childDidNotPush:
      "The list holds {names}, but that child never pushed onto it: another process did. Each child adds its own name " +
      'in visit(): `await visitors.push(name)`.',
    childDidNotAnswer:
      "The namespace holds an answer for {names}, but that child never set anything on it: another process wrote the " +
      "answer. Each child reads the greeting and writes its own answer in visit(): `await board.set(name, …)`.",
    joinFirst:
      'The parent printed the dict before it had joined both children, so their entries may not be there yet. ' +
      'Join each child (`for (const child of children) await child.join()`) before printing the dict, the list and ' +
      'the namespace.',
    callsFrom: 'a call of {call} from {names}',
    noCallFrom: 'none from {names}',
    childDidNotRead:
      "{names} answered without reading the greeting: the trace has no read of the namespace by that child, so the " +
      "greeting in its answer was typed in, not the one the parent wrote. Read it in visit(): `await board.get('greeting')`.",
    notReadBack:
      'The parent never read the {what} back from the manager after the children were done: what it printed is a copy ' +
      'it built itself, not what the children wrote. Print what the manager holds: `{call}`.',
    readBack: 'a {call} (or another read) by the parent after the children exited',
    noReadBack: 'none',
    childLineByOther:
      "A `child NAME pid=…` line was printed by another process than the child it names: each child prints its own " +
      'line, with its own `process.pid`, at the start of visit(). The parent printing `child.pid` tells nothing about ' +
      'what the child sees.',
    ownLine: '`child NAME pid=…` printed by the child NAME',
    printedByOther: '{line} (printed by {who})',

    exits: 'the program exits normally',
    exitsHint: 'The program should finish without an error.',

    twoChildren: 'two children ran, each in a process of its own',
    printPids:
      'The parent should print `main pid=…` and each child `child <name> pid=…`: keep those lines, and start one child per ' +
      'name in CHILDREN.',
    threePids: 'The parent and the two children should be three different processes, with three different pids.',

    dictEntries: 'the dict holds all three entries, each with the pid of the process that wrote it',
    dictEmpty:
      'The shared dict is empty. In visit(), each child should store its own pid under its name: ' +
      '`await pids.set(name, process.pid)`. Then, after the joins, the parent adds its own: `await pids.set(MAIN, process.pid)`.',
    notManagerDict:
      "No process ever called the manager's dict: the parent's `pids` is an ordinary Map or object, not `await manager.dict()`. " +
      "An ordinary object is copied into each child when it starts, so each child's set() changed only its own copy, which " +
      'ended with the child. Create it with `const pids = await manager.dict<string, number>()`: every process that holds that proxy writes into the same dict.',
    childrenMissing:
      "The children's entries are missing. In visit(), store the child's pid in the dict it received: " +
      '`await pids.set(name, process.pid)`. The dict is a proxy: every process that holds it writes into the same dict, ' +
      "in the manager's process.",
    childMissing:
      'The entry of {names} is missing. Did every child `await` its set()? A call that is not ' +
      'awaited may not have reached the manager when the child exits. And the parent must print the dict only after ' +
      '`await child.join()` for both children.',
    parentMissing:
      "The parent's own entry is missing. After the joins, the parent writes into the same dict: " +
      '`await pids.set(MAIN, process.pid)`.',
    wrongPid:
      'The value under {keys} is not the pid that process printed. Each process ' +
      'stores its own pid, `process.pid`, under its own name.',
    threeEntries:
      'The dict should hold exactly three entries: one per child and one for the parent, each name mapped to that ' +
      "process's pid.",

    listNames: 'the list holds every name once, the parent last',
    listEmpty:
      'The shared list is empty. Each child adds its name with `await visitors.push(name)`, and the parent adds ' +
      '`MAIN` after the joins: `await visitors.push(MAIN)`.',
    parentNameMissing: "The parent's name is missing from the list. After the joins, the parent pushes it too: `await visitors.push(MAIN)`.",
    childNameMissing: "A child's name is missing from the list. In visit(), each child adds its own: `await visitors.push(name)`.",
    eachNameOnce:
      'The list should hold each name exactly once: each child pushes its own name in visit(), the parent pushes MAIN ' +
      'after the joins.',
    parentLast:
      'The parent pushes its name after `await child.join()` for both children, so it must come last. (The two children may ' +
      'come in either order: which of them is first is up to the scheduler.)',

    namespace: "the namespace holds the parent's greeting and each child's answer",
    noAnswer:
      "No child answered in the namespace. In visit(), read the parent's value with `const greeting = await " +
      "board.get('greeting')`, then write under the child's own name: `await board.set(name, `${name} read: ${greeting}`)`.",
    answerWithGreeting:
      'Each child should write `<name> read: <greeting>` under its own name, with the greeting it read from the ' +
      "namespace (`await board.get('greeting')`: without `await` you get a Promise, not the text).",
  },
  'zh-CN': {
    lesson: '第 14 课：通过 Manager 共享字典、列表和命名空间',
    keepPrinting: '父进程仍应在 join 之后打印 {what}：请在程序末尾保留这一行。',
    and: ' 和 ',

    childDidNotSet:
      'dict 里有 {names} 的条目，但这个子进程从来没有在 dict 上调用过 set（trace 会在发起调用的进程里记录每一次调用）：' +
      '这个条目是别的进程写的，很可能是父进程。每个子进程都要在 visit() 里写入自己的条目：`await pids.set(name, process.pid)`。',
    childDidNotPush:
      'list 里有 {names}，但这个子进程从来没有往里 push 过：是别的进程做的。每个子进程都要在 visit() 里加入自己的名字：' +
      '`await visitors.push(name)`。',
    childDidNotAnswer:
      'namespace 里有 {names} 的回答，但这个子进程从来没有在它上面 set 过任何东西：回答是别的进程写的。' +
      '每个子进程都要在 visit() 里读取问候语并写下自己的回答：`await board.set(name, …)`。',
    joinFirst:
      '父进程在 join 两个子进程之前就打印了 dict，所以它们的条目可能还没写进去。' +
      '请先 join 每个子进程（`for (const child of children) await child.join()`），再打印 dict、list 和 namespace。',
    callsFrom: '来自 {names} 的 {call} 调用',
    noCallFrom: '来自 {names} 的一个都没有',
    childDidNotRead:
      "{names} 没有读取问候语就写下了回答：追踪记录里没有这个子进程对 namespace 的读取，所以它回答里的问候语是直接写进代码的，" +
      "而不是父进程写入的那一句。请在 visit() 里读取它：`await board.get('greeting')`。",
    notReadBack:
      '子进程结束之后，父进程从未从管理器读回 {what}：它打印的是自己拼出来的副本，而不是子进程写入的内容。' +
      '请打印管理器里保存的内容：`{call}`。',
    readBack: '子进程退出之后，父进程的一次 {call}（或别的读取）',
    noReadBack: '没有',
    childLineByOther:
      '有一行 `child NAME pid=…` 不是由它所提到的子进程打印的：每个子进程都要在 visit() 开头、用它自己的 ' +
      '`process.pid` 打印自己的那一行。父进程打印 `child.pid`，说明不了子进程看到的是什么。',
    ownLine: '`child NAME pid=…` 由子进程 NAME 打印',
    printedByOther: '{line}（由 {who} 打印）',

    exits: '程序正常退出',
    exitsHint: '程序应当运行结束，并且没有出错。',

    twoChildren: '运行了两个子进程，每个都在自己的进程里',
    printPids: '父进程应当打印 `main pid=…`，每个子进程打印 `child <name> pid=…`：请保留这些行，并为 CHILDREN 中的每个名字启动一个子进程。',
    threePids: '父进程和两个子进程应当是三个不同的进程，有三个不同的 pid。',

    dictEntries: '字典里有全部三项，每一项都是写入它的那个进程的 pid',
    dictEmpty:
      '共享的字典是空的。在 visit() 里，每个子进程应当把自己的 pid 存在自己的名字下：' +
      '`await pids.set(name, process.pid)`。然后，在 join 之后，父进程加上它自己的：`await pids.set(MAIN, process.pid)`。',
    notManagerDict:
      '没有任何进程调用过 manager 的字典：父进程的 `pids` 是一个普通的 Map 或对象，而不是 `await manager.dict()`。' +
      '普通对象在子进程启动时会被复制一份给它，所以每个子进程的 set() 只改了它自己的副本，而那份副本随子进程一起消失了。' +
      '请用 `const pids = await manager.dict<string, number>()` 创建它：持有这个代理的每个进程写入的都是同一个字典。',
    childrenMissing:
      '子进程的条目不见了。请在 visit() 里，把子进程的 pid 存进它收到的那个字典：' +
      '`await pids.set(name, process.pid)`。这个字典是一个代理：持有它的每个进程写入的都是同一个字典，' +
      '它位于 manager 的进程里。',
    childMissing:
      '{names} 的条目不见了。每个子进程都 `await` 了它的 set() 吗？没有 await 的调用，' +
      '在子进程退出时可能还没有到达 manager。另外，父进程必须在对两个子进程都 ' +
      '`await child.join()` 之后，才能打印这个字典。',
    parentMissing: '父进程自己的条目不见了。在 join 之后，父进程也写入同一个字典：`await pids.set(MAIN, process.pid)`。',
    wrongPid: '{keys} 下的值不是那个进程打印出来的 pid。每个进程都把它自己的 pid（`process.pid`）存在它自己的名字下。',
    threeEntries: '字典里应当恰好有三项：每个子进程一项，父进程一项，每个名字对应那个进程的 pid。',

    listNames: '列表里每个名字都出现一次，父进程在最后',
    listEmpty:
      '共享的列表是空的。每个子进程用 `await visitors.push(name)` 加上自己的名字，父进程在 join 之后加上 ' +
      '`MAIN`：`await visitors.push(MAIN)`。',
    parentNameMissing: '列表里缺少父进程的名字。在 join 之后，父进程也要 push 它：`await visitors.push(MAIN)`。',
    childNameMissing: '列表里缺少某个子进程的名字。在 visit() 里，每个子进程加上自己的名字：`await visitors.push(name)`。',
    eachNameOnce: '列表里每个名字应当恰好出现一次：每个子进程在 visit() 里 push 自己的名字，父进程在 join 之后 push MAIN。',
    parentLast:
      '父进程是在对两个子进程都 `await child.join()` 之后才 push 它的名字的，所以它必须排在最后。' +
      '（两个子进程的先后顺序不限：谁先谁后由调度器决定。）',

    namespace: '命名空间里有父进程的问候语，以及每个子进程的回答',
    noAnswer:
      "没有任何子进程在命名空间里作答。请在 visit() 里用 `const greeting = await " +
      "board.get('greeting')` 读取父进程的值，然后写在子进程自己的名字下：`await board.set(name, `${name} read: ${greeting}`)`。",
    answerWithGreeting:
      '每个子进程都应当在自己的名字下写入 `<name> read: <greeting>`，其中的问候语是它从命名空间读到的' +
      "（`await board.get('greeting')`：没有 `await` 的话，你得到的是一个 Promise，而不是文本）。",
  },
})
