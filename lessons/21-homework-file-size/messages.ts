import { defineMessages } from '@proclab/harness'

/** Every check name and hint of this lesson's test, in English and in Chinese. */
export const messages = defineMessages({
  en: {
    lesson: 'lesson 21: a file size sent from one process to another',
    noPrinter:
      'The printer should print `printer pid=…: <path> is <n> bytes (measured by pid …)`. In show(), take the report with ' +
      '`await reports.get()` and print it; in the guarded block, start a Process running `show` with `[reports]` and ' +
      'another running `measure` with `[path, reports]`, then `await` both joins.',
    printMain: 'The parent should still print `main pid=…: measuring <path>` first: keep that line.',

    exits: 'the program exits normally',
    exitsHint: 'The program should finish without an error.',

    realSize: 'the printed size is the real size of the file',
    argvPath: 'The program should measure the file named on its command line: keep `process.argv[2]` as the path.',
    zeroBytes: 'The printer printed 0 bytes: in measure(), replace `const bytes = 0` with the real size, `readFileSync(path).length`.',
    wrongSize:
      'The printer printed {bytes} bytes, but the file the test made holds {size}. Measure the file at the path that ' +
      "measure() was given, in bytes: `readFileSync(path).length` (a string's length counts characters, not bytes).",

    twoChildren: 'the file was measured and printed by two different children',
    printMeasurer: 'The measurer should print `measurer pid=…: read <n> bytes`: keep that line in measure(), and run measure() in a Process.',
    threeProcesses:
      'The parent, the measurer and the printer should be three different processes: run measure() and show() each ' +
      'in its own `new mp.Process(…)` instead of calling them from the parent.',
    measurerLineByParent:
      'The `measurer pid=…` line was printed by the parent, not by a child: the parent measured the file itself. ' +
      'Run measure() in its own `new mp.Process({ target: measure, args: [path, reports] })`, so that the child ' +
      'reads the file and prints that line.',
    printerLineByParent:
      'The `printer pid=…` line was printed by the parent, not by the printer: the parent took the report off the ' +
      'queue and printed it itself. Let show() do that, in its own `new mp.Process({ target: show, args: [reports] })`: ' +
      '`const report = await reports.get()`, then print it there.',
    joined: "the parent joined both children before 'main: done'",
    joinedHint:
      "The parent printed 'main: done' without having joined both children itself: `await measurer.join()` and " +
      '`await printer.join()` before that line. A sleep only guesses how long they take, and proclab joining them for you at exit comes too late.',
    measuredBy:
      'The printer should say who measured the file, from the report it received: in measure(), put ' +
      '`{ path, bytes, measuredBy: process.pid }` on the queue, and print `report.measuredBy` in show().',
  },
  'zh-CN': {
    lesson: '第 21 课：把文件大小从一个进程发送给另一个进程',
    noPrinter:
      '打印进程应当打印 `printer pid=…: <path> is <n> bytes (measured by pid …)`。请在 show() 里用 ' +
      '`await reports.get()` 取出报告并打印；在受保护的代码块里，启动一个运行 `show`、参数为 `[reports]` 的 Process，' +
      '再启动一个运行 `measure`、参数为 `[path, reports]` 的 Process，然后 `await` 两者的 join。',
    printMain: '父进程仍应首先打印 `main pid=…: measuring <path>`：请保留这一行。',

    exits: '程序正常退出',
    exitsHint: '程序应当运行结束，并且没有出错。',

    realSize: '打印出的大小就是文件的真实大小',
    argvPath: '程序应当测量命令行上给出的那个文件：请保留 `process.argv[2]` 作为路径。',
    zeroBytes: '打印进程打印的是 0 字节：请在 measure() 里，把 `const bytes = 0` 换成真实的大小 `readFileSync(path).length`。',
    wrongSize:
      '打印进程打印的是 {bytes} 字节，但测试创建的文件有 {size} 字节。请按字节测量 measure() 收到的那个路径上的文件：' +
      '`readFileSync(path).length`（字符串的 length 数的是字符，而不是字节）。',

    twoChildren: '文件由两个不同的子进程分别测量和打印',
    printMeasurer: '测量进程应当打印 `measurer pid=…: read <n> bytes`：请保留 measure() 里的这一行，并在一个 Process 里运行 measure()。',
    threeProcesses: '父进程、测量进程和打印进程应当是三个不同的进程：请把 measure() 和 show() 各自放在自己的 `new mp.Process(…)` 里运行，而不是由父进程直接调用。',
    measurerLineByParent:
      '`measurer pid=…` 这一行是由父进程而不是子进程打印的：父进程自己测量了文件。' +
      '请在一个单独的 `new mp.Process({ target: measure, args: [path, reports] })` 里运行 measure()，' +
      '让子进程读取文件并打印这一行。',
    printerLineByParent:
      '`printer pid=…` 这一行是由父进程而不是打印进程打印的：父进程自己从队列里取出了报告并把它打印出来。' +
      '请让 show() 来做这件事，并放在它自己的 `new mp.Process({ target: show, args: [reports] })` 里：' +
      '`const report = await reports.get()`，然后在那里打印。',
    joined: "父进程在 'main: done' 之前 join 了两个子进程",
    joinedHint:
      "父进程在自己 join 两个子进程之前就打印了 'main: done'：请在那一行之前写 `await measurer.join()` 和 " +
      '`await printer.join()`。sleep 只是在猜它们要运行多久，而 proclab 在退出时替你 join，已经太晚了。',
    measuredBy:
      '打印进程应当根据它收到的报告，说明是谁测量了这个文件：请在 measure() 里把 ' +
      '`{ path, bytes, measuredBy: process.pid }` 放进队列，并在 show() 里打印 `report.measuredBy`。',
  },
})
