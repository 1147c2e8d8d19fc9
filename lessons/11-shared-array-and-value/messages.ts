import { defineMessages } from '@proclab/harness'

/** Every check name and hint of this lesson's test, in English and in Chinese. */
export const messages = defineMessages({
  en: {
    lesson: 'lesson 11: sharing memory with Array and Value',
    printParent: 'The parent should print `parent pid=… after join (exitCode=…): ints=… real=… letter=… plain=…` at the end: keep that line.',
    copied:
      'After the join the parent still reads the initial value of `{name}`, so the child wrote into a copy of its own. An ordinary ' +
      'object handed over in args is copied into the child (lessons 07 and 08); shared memory is not. Create `{name}` as ' +
      '`{shared}` in the parent, before start(), and pass that.',

    exits: 'the program exits normally',
    exitsHint: 'The program should finish without an error.',
    childCrashed: 'The child crashed, so it wrote nothing after the error: read its error on stderr below.',
    noChildError: 'no error in the child',
    childLine:
      'The `child pid=…: wrote …` line must come from the child that ran work(): here the parent printed it. Start a ' +
      'Process with `target: work` and let work() print it.',
    notTheChildsPid:
      "The parent's ints[1] is not the pid the child wrote into it: the child writes `ints[1] = process.pid`, which " +
      "only it knows, so a parent that prints it read shared memory. Pre-filling ordinary arrays in the parent shares " +
      "nothing: create `ints` with `mp.Array('i', 3)` and read it after the join.",

    ownProcess: 'the child wrote in a process of its own',
    printChild: 'The child should print `child pid=…: wrote ints=…`: keep the Process that runs work().',
    oneChild: 'Exactly one child should run work(): keep the code that starts it inside `if (mp.isMain(import.meta))`.',
    notInParent: 'work() should run in the child, not be called by the parent itself.',
    otherPid: 'a child pid other than {pid}',

    afterJoin: "the parent read after the child's join",
    lineAfterChild: "The parent's line should come after the child's: `await p.join()` before reading, or the child may not have written yet.",
    readAfterExit: 'The parent should read only once the child has exited: keep `await p.join()` before its line.',

    sharedArray: "the parent read 250, the child's pid and -7 from the shared Array",
    unsigned: "-7 came back as 4294967289: that is what typecode 'I' (an unsigned int) makes of it. Use 'i', a signed C int.",
    signedInts: "The parent should read exactly what the child wrote. Create ints with `mp.Array('i', 3)`: three signed C ints.",

    doubleValue: "the parent read 36.6 from the 'd' Value",
    wholeNumbers:
      "Writing 36.6 threw a TypeError in the child: an integer typecode such as 'i' holds whole numbers only (Python " +
      "refuses it too). A number with a fraction needs a floating-point typecode: 'd' (a C double, the same as a JavaScript number).",
    float:
      "36.6 came back slightly off: typecode 'f' is a 4-byte float, which cannot hold 36.6 exactly. Use 'd', an 8-byte " +
      'double, the same as a JavaScript number.',
    createReal: "The parent should read exactly what the child wrote: create real with `mp.Value('d', 0)`.",

    charValue: "the parent read 'Z' from the 'c' Value",
    createLetter: "Create letter with `mp.Value('c', '-')`: typecode 'c' holds one character.",

    plainNotShared: "a module-level variable is still not shared: the parent's plain is 0",
    plainNotSharedHint:
      'The child set its own copy of `plain` to 250; the parent has a copy of its own, which should still be 0 (lesson 07). ' +
      'Only what lives in shared memory is shared. If the parent sees 250, work() ran in the parent: leave it to the child.',
    joinBeforeRead:
      'The parent read the shared memory without having joined the child: `await p.join()` before the line. A sleep, or a ' +
      'loop on isAlive(), only guesses that the child has finished writing; after the join it surely has.',
    tooSmall:
      "The parent read {found} where the child wrote 250: the typecode of ints holds numbers too small for 250 (and for a pid), " +
      "so the child's writes wrapped around. Use 'i', a C int: signed 32-bit, room for 250, a pid and -7.",
  },
  'zh-CN': {
    lesson: '第 11 课：用 Array 和 Value 共享内存',
    printParent: '父进程应当在最后打印 `parent pid=… after join (exitCode=…): ints=… real=… letter=… plain=…`：请保留这一行。',
    copied:
      'join 之后，父进程读到的仍是 `{name}` 的初始值，所以子进程写进的是它自己的一份副本。通过 args 传过去的普通对象' +
      '会被复制到子进程里（第 07 和第 08 课）；共享内存则不会。请在父进程里、在 start() 之前，把 `{name}` 创建为 ' +
      '`{shared}`，然后把它传过去。',

    exits: '程序正常退出',
    exitsHint: '程序应当运行结束，并且没有出错。',
    childCrashed: '子进程崩溃了，出错之后它什么也没有写：请阅读下面 stderr 中的错误。',
    noChildError: '子进程没有出错',
    childLine:
      '`child pid=…: wrote …` 这一行必须由运行 work() 的子进程打印：这里它是父进程打印的。请用 `target: work` ' +
      '启动一个 Process，让 work() 打印这一行。',
    notTheChildsPid:
      "父进程读到的 ints[1] 不是子进程写进去的 pid：子进程写的是 `ints[1] = process.pid`，这个值只有它自己知道，" +
      "所以父进程能打印出它，就说明读的是共享内存。在父进程里预先填好普通数组，什么也没有共享：请用 " +
      "`mp.Array('i', 3)` 创建 `ints`，并在 join 之后读取它。",

    ownProcess: '子进程在它自己的进程里写入',
    printChild: '子进程应当打印 `child pid=…: wrote ints=…`：请保留运行 work() 的那个 Process。',
    oneChild: '应当恰好有一个子进程运行 work()：请把启动它的代码放在 `if (mp.isMain(import.meta))` 里面。',
    notInParent: 'work() 应当在子进程里运行，而不是由父进程自己调用。',
    otherPid: '一个不同于 {pid} 的子进程 pid',

    afterJoin: '父进程在 join 子进程之后才读取',
    lineAfterChild: '父进程的这一行应当出现在子进程的那一行之后：读取之前请 `await p.join()`，否则子进程可能还没写入。',
    readAfterExit: '父进程应当在子进程退出之后才读取：请在它那一行之前保留 `await p.join()`。',

    sharedArray: '父进程从共享的 Array 里读到了 250、子进程的 pid 和 -7',
    unsigned: "-7 读回来变成了 4294967289：这正是类型码 'I'（无符号 int）对它的解释。请用 'i'，即有符号的 C int。",
    signedInts: "父进程读到的应当与子进程写入的完全一样。请用 `mp.Array('i', 3)` 创建 ints：三个有符号的 C int。",

    doubleValue: "父进程从 'd' 类型的 Value 里读到了 36.6",
    wholeNumbers:
      "在子进程里写入 36.6 时抛出了 TypeError：像 'i' 这样的整数类型码只能存放整数（Python " +
      "同样会拒绝）。带小数的数需要浮点类型码：'d'（C 的 double，与 JavaScript 的 number 相同）。",
    float:
      "36.6 读回来时有一点偏差：类型码 'f' 是 4 字节的 float，无法精确存放 36.6。请用 'd'，即 8 字节的 " +
      'double，与 JavaScript 的 number 相同。',
    createReal: "父进程读到的应当与子进程写入的完全一样：请用 `mp.Value('d', 0)` 创建 real。",

    charValue: "父进程从 'c' 类型的 Value 里读到了 'Z'",
    createLetter: "请用 `mp.Value('c', '-')` 创建 letter：类型码 'c' 存放一个字符。",

    plainNotShared: '模块级变量仍然不是共享的：父进程的 plain 是 0',
    plainNotSharedHint:
      '子进程把它自己那份 `plain` 设成了 250；父进程有它自己的一份，应当仍是 0（第 07 课）。' +
      '只有放在共享内存里的东西才是共享的。如果父进程看到的是 250，说明 work() 是在父进程里运行的：请把它交给子进程。',
    joinBeforeRead:
      '父进程在 join 子进程之前就读取了共享内存：请在打印这一行之前 `await p.join()`。sleep 或者循环检查 isAlive() ' +
      '只是在猜子进程已经写完；join 之后它才确定写完了。',
    tooSmall:
      "父进程在子进程写入 250 的位置读到了 {found}：ints 的类型码所能容纳的数太小，放不下 250（也放不下 pid），" +
      "所以子进程写入的值发生了回绕。请用 'i'，即 C 的 int：有符号 32 位，放得下 250、pid 和 -7。",
  },
})
