import { defineMessages } from '@proclab/harness'

/** Every check name and hint of this lesson's test, in English and in Chinese. */
export const messages = defineMessages({
  en: {
    lesson: 'lesson 16: getting results from a pool',

    exits: 'the program exits normally',
    uncaught:
      "checkAge's RangeError reached the parent and nobody caught it, so the program crashed. That is the error " +
      'travelling back as it should: now wrap `await pool.apply(checkAge, [-1])` in try { … } catch (error) { … } and ' +
      'print it instead.',
    exitsHint: 'The program should finish without an error.',

    applyReturned: 'apply returned each square to the parent',
    noApplyLine:
      'Section 1 printed no `apply: square(n) = …` line. In its loop, run the task with `const value = await ' +
      'pool.apply(square, [n])` and print `apply: square(${n}) = ${value}`.',
    printedPromise:
      'apply returns a Promise of the result: without `await` you print the Promise, not the square. Write ' +
      '`const value = await pool.apply(square, [n])`.',
    inOrder:
      'Each apply should print the square it got back, in the order 1, 2, 3: `await` each apply inside the loop, so ' +
      'that its line is printed before the next task is handed out.',

    oneAfterAnother: 'the apply tasks ran one after another',
    notThreeTasks: 'The pool did not run the three tasks of section 1 (see the test above): use `await pool.apply(square, [n])` in its loop.',
    threeTasks: 'tasks 0, 1 and 2 in the trace, each started and ended',
    task: 'task {task}',
    overlapped:
      'Task {later} started while task {earlier} was still running, so section 1 did not wait for each result. ' +
      '`pool.apply` resolves only when its task is done: `await` it inside the loop, and the next task is not handed out ' +
      'before the previous one has finished. (applyAsync, or apply without await, hands out all three at once.)',
    startAfterEnd: 'task {later} to start after task {earlier} ended',
    overlapFound: 'task {earlier} ran {ran} ms in {earlierWorker}; task {later} started {before} ms before that end, in {laterWorker}',

    collected: 'applyAsync results were collected with get(), in the order they were handed out',
    printAsync: 'The parent should still print `applyAsync: [...]`: keep that line in section 2.',
    noResults:
      'Section 2 collected no results. Fill `pending` with `[4, 5, 6].map((n) => pool.applyAsync(square, [n]))`, then ' +
      'loop over it and push `await result.get()` for each onto `results`.',
    getInOrder:
      'Push `await result.get()` for each AsyncResult in `pending`, in that order: get() waits for that one task, whichever ' +
      'finished first, so the results come out in the order the tasks were handed out.',

    keepHeaders:
      'Keep the four section headers the program prints (`1. apply: …`, `2. applyAsync: …`, `3. map: …`, ' +
      '`4. a task that throws`): the test finds each section by them.',
    asyncSideBySide: 'the applyAsync tasks ran side by side',
    asyncSerial:
      'The three applyAsync tasks of section 2 ran one after another: the parent waited for each result before it ' +
      'handed out the next task (an `await` on `pool.applyAsync(...)` or on its `.get()` inside the loop, or `apply`). ' +
      'Hand out all three first, `const pending = [4, 5, 6].map((n) => pool.applyAsync(square, [n]))`, and only ' +
      'then `await result.get()` for each.',
    mapSideBySide: "map's tasks ran side by side",
    mapSerial:
      "The four tasks of section 3 ran one after another, so this is not what `pool.map` does: a loop of " +
      '`await pool.apply(square, [n])` (or of awaited applyAsync calls) waits for each task before handing out the ' +
      'next. Use `const squares = await pool.map(square, [7, 8, 9, 10])`: it hands out every item at once and ' +
      'still returns the results in input order.',
    errorInWorker: "the error was thrown by the task, in a pool worker",
    resultsBeforeTasks:
      'The parent printed the {api} results before its tasks had finished: a list typed in is not what the workers ' +
      'returned. Print what the pool gave back: the values of `await result.get()` (applyAsync) or of `await pool.map(…)`.',
    resultsAfter: "the results line printed after every task of the section had ended",
    stillRunning: '{count} task(s) of the section still running when it was printed',
    errorNotThrown:
      "The error line does not come from a task that failed: no task of section 4 threw a RangeError in its worker. " +
      "Hand the bad input to the pool, `await pool.apply(checkAge, [-1])`, and print the error it rethrows in the " +
      "catch block, not a message of your own.",
    taskThrew: 'a task of section 4 that threw RangeError in its worker',
    noTaskThrew: 'none',
    errorInParent:
      'The error line is right, but no pool task ran in section 4 before it: the RangeError was thrown here, in the ' +
      'parent (by calling `checkAge(-1)` yourself, or by throwing it), not by a worker. Let the pool run the task, ' +
      "`await pool.apply(checkAge, [-1])` inside the try, and catch what it rethrows: that is the worker's error.",
    taskBeforeError: "a pool task in section 4 that ended before the 'error:' line",
    tasksInSection4: '{count} pool task(s) in section 4',
    mapOrder: 'map returned the results in input order',
    printMap: 'The parent should still print `map: [...]`: keep that line in section 3.',
    mapEmpty: 'Section 3 printed an empty list. Replace it with `const squares = await pool.map(square, [7, 8, 9, 10])`.',
    mapAsIs:
      'map returns the results in the order of the items, however the tasks finished: print the array that ' +
      '`await pool.map(square, [7, 8, 9, 10])` gives back, as it is.',

    errorReached: "the task's error reached the parent with its name and message",
    noErrorLine:
      'Section 4 printed no `error: …` line. Run `await pool.apply(checkAge, [-1])` inside try { … } catch (error) { … }, ' +
      'and in the catch print `error: ${error.name}: ${error.message}`.',
    ownError:
      "The error caught in the parent should be checkAge's own: the pool rethrows it with the same name (RangeError) and " +
      'message. Print `error: ${error.name}: ${error.message}` with the error you caught.',
  },
  'zh-CN': {
    lesson: '第 16 课：从进程池获取结果',

    exits: '程序正常退出',
    uncaught:
      'checkAge 的 RangeError 传回了父进程，却没有代码捕获它，于是程序崩溃了。这说明错误正如预期那样传了回来：' +
      '现在请把 `await pool.apply(checkAge, [-1])` 包在 try { … } catch (error) { … } 里，' +
      '改为把它打印出来。',
    exitsHint: '程序应当运行结束，并且没有出错。',

    applyReturned: 'apply 把每个平方都返回给了父进程',
    noApplyLine:
      '第 1 部分一行 `apply: square(n) = …` 都没有打印。请在它的循环里用 `const value = await ' +
      'pool.apply(square, [n])` 运行任务，并打印 `apply: square(${n}) = ${value}`。',
    printedPromise:
      'apply 返回的是结果的 Promise：没有 `await` 的话，你打印的是这个 Promise，而不是平方。请写成 ' +
      '`const value = await pool.apply(square, [n])`。',
    inOrder:
      '每次 apply 都应当按 1、2、3 的顺序打印它拿回的平方：请在循环里 `await` 每次 apply，' +
      '这样它的那一行会在下一个任务交出去之前打印。',

    oneAfterAnother: 'apply 的任务是一个接一个运行的',
    notThreeTasks: '进程池没有运行第 1 部分的三个任务（见上一个检查）：请在它的循环里使用 `await pool.apply(square, [n])`。',
    threeTasks: '追踪记录里有任务 0、1 和 2，每个都开始并结束了',
    task: '任务 {task}',
    overlapped:
      '任务 {later} 在任务 {earlier} 还在运行时就开始了，所以第 1 部分没有等待每个结果。' +
      '`pool.apply` 只有在它的任务完成后才会 resolve：请在循环里 `await` 它，这样在前一个任务完成之前，' +
      '下一个任务不会被交出去。（applyAsync，或者不带 await 的 apply，会一次把三个任务全交出去。）',
    startAfterEnd: '任务 {later} 在任务 {earlier} 结束之后才开始',
    overlapFound: '任务 {earlier} 在 {earlierWorker} 中运行了 {ran} 毫秒；任务 {later} 在它结束前 {before} 毫秒就开始了，在 {laterWorker} 中',

    collected: 'applyAsync 的结果是用 get() 按交出的顺序收集的',
    printAsync: '父进程仍应打印 `applyAsync: [...]`：请保留第 2 部分里的这一行。',
    noResults:
      '第 2 部分没有收集到任何结果。请把 `pending` 填成 `[4, 5, 6].map((n) => pool.applyAsync(square, [n]))`，然后' +
      '遍历它，把每个的 `await result.get()` push 进 `results`。',
    getInOrder:
      '请按 `pending` 中的顺序，把每个 AsyncResult 的 `await result.get()` push 进去：get() 等待的就是那一个任务，' +
      '不管哪个先完成，所以结果出来的顺序就是任务交出的顺序。',

    keepHeaders:
      '请保留程序打印的四个部分标题（`1. apply: …`、`2. applyAsync: …`、`3. map: …`、' +
      '`4. a task that throws`）：测试靠它们找到每个部分。',
    asyncSideBySide: 'applyAsync 的任务是同时运行的',
    asyncSerial:
      '第 2 部分的三个 applyAsync 任务是一个接一个运行的：父进程每等到一个结果，才交出下一个任务' +
      '（在循环里对 `pool.applyAsync(...)` 或它的 `.get()` 使用了 `await`，或者用了 `apply`）。' +
      '请先把三个任务全部交出去，`const pending = [4, 5, 6].map((n) => pool.applyAsync(square, [n]))`，' +
      '然后再对每个结果 `await result.get()`。',
    mapSideBySide: 'map 的任务是同时运行的',
    mapSerial:
      '第 3 部分的四个任务是一个接一个运行的，这不是 `pool.map` 的做法：循环里的 ' +
      '`await pool.apply(square, [n])`（或被逐个等待的 applyAsync）会等每个任务完成后才交出下一个。' +
      '请使用 `const squares = await pool.map(square, [7, 8, 9, 10])`：它一次交出所有元素，' +
      '并且仍按输入顺序返回结果。',
    errorInWorker: '错误是由任务在进程池的工作进程里抛出的',
    resultsBeforeTasks:
      '父进程在任务完成之前就打印了 {api} 的结果：直接写进代码的列表并不是工作进程返回的值。' +
      '请打印进程池交回来的东西：`await result.get()`（applyAsync）或 `await pool.map(…)` 的值。',
    resultsAfter: '结果那一行在这一部分的每个任务都结束之后才打印',
    stillRunning: '打印时这一部分还有 {count} 个任务在运行',
    errorNotThrown:
      '错误那一行并不来自一个失败的任务：第 4 部分没有任何任务在工作进程里抛出 RangeError。' +
      '请把错误的输入交给进程池，`await pool.apply(checkAge, [-1])`，并在 catch 块里打印它重新抛出的错误，而不是你自己写的消息。',
    taskThrew: '第 4 部分有一个任务在工作进程里抛出了 RangeError',
    noTaskThrew: '没有',
    errorInParent:
      '错误这一行是对的，但在它之前，第 4 部分没有运行任何进程池任务：这个 RangeError 是在这里、在父进程里抛出的' +
      '（你自己调用了 `checkAge(-1)`，或者直接抛出了它），而不是由工作进程抛出的。请让进程池运行这个任务，' +
      '在 try 里写 `await pool.apply(checkAge, [-1])`，并捕获它重新抛出的错误：那才是工作进程的错误。',
    taskBeforeError: "第 4 部分有一个进程池任务，在 'error:' 这一行之前结束",
    tasksInSection4: '第 4 部分有 {count} 个进程池任务',
    mapOrder: 'map 按输入的顺序返回了结果',
    printMap: '父进程仍应打印 `map: [...]`：请保留第 3 部分里的这一行。',
    mapEmpty: '第 3 部分打印的是一个空列表。请把它换成 `const squares = await pool.map(square, [7, 8, 9, 10])`。',
    mapAsIs:
      '不管任务以什么顺序完成，map 都会按各项的顺序返回结果：请原样打印 ' +
      '`await pool.map(square, [7, 8, 9, 10])` 返回的数组。',

    errorReached: '任务的错误连同它的名字和消息一起传回了父进程',
    noErrorLine:
      '第 4 部分一行 `error: …` 都没有打印。请在 try { … } catch (error) { … } 里运行 `await pool.apply(checkAge, [-1])`，' +
      '并在 catch 里打印 `error: ${error.name}: ${error.message}`。',
    ownError:
      '父进程捕获到的错误应当就是 checkAge 自己的：进程池会以相同的名字（RangeError）和消息重新抛出它。' +
      '请用你捕获到的错误打印 `error: ${error.name}: ${error.message}`。',
  },
})
