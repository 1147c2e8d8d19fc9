import type { Catalog } from './translate.ts'

/** The CLI's messages in Simplified Chinese: every key of the English catalog, with the same placeholders. */
export const zhCN: Catalog = {
  help: `proclab：动手学多进程

用法：
  proclab                   在当前课（第一个还没通过的课）上进入监视模式
  proclab watch [NN]        在第 NN 课上进入监视模式：你每保存一次该课文件夹里的文件，就检查一次
      --poll                  用轮询发现保存（适合网络盘；在 WSL 的 /mnt/… 下会自动使用）
      --manual                只在你按回车时检查
    按键：n 下一课，h 提示，l 列表，r 重置，c 检查全部课程，q 退出（Ctrl-C 也可以）
    不在终端里时，输入同样的字母再按回车
  proclab list              课程列表、你的进度，以及下一步做什么
  proclab run NN            运行第 NN 课的程序（你的 exercise.ts）；--solution 运行参考答案
  proclab check NN          用该课的测试检查你的 exercise.ts，并记录结果
      --seed N                重放一种调度（在 proclab 的进程里加入按种子生成的小延迟）
      --seeds K               依次在种子 1 到 K 下检查，遇到第一个失败就停止
      --solution              改为检查参考答案（不记录进度）
  proclab hint NN           显示第 NN 课的下一条提示
  proclab reset NN          恢复初始的 exercise.ts（你的版本保存在 .proclab/backups/）
  proclab solution NN       你的练习通过后，显示参考答案；--write 把它保存为 solution.ts
  proclab trace NN          运行程序，并画出各进程的时间线
      --solution              改为追踪参考答案
      --html FILE             同时把时间线写成网页；--open 在浏览器中打开
  proclab grade             （教师）检查每一课并打印分数表
      --solution              改为给参考答案打分
      --json FILE             写出 exercism 的 results.json（第 3 版）
      --junit FILE            写出 JUnit XML
      --classroom             GitHub Classroom 的自动评分结果（步骤输出 "result"）
      --points N              每课的分数（默认 10）
  proclab new NN-topic --from MM
                            （作者）复制第 MM 课，新建一课
  proclab dev check [NN]    （作者）检查每课是否完整、参考答案能通过、初始代码不能通过
      --seeds K               另外在种子 1 到 K 下运行每个参考答案（默认 2）
  proclab worker --redis URL
                            （集群）本机执行 ClusterPool 的任务，直到收到 SIGTERM
      --queue NAME            调用方使用的队列（默认 proclab）
      --processes N           本机进程池的进程数（默认：CPU 核数）

所有命令通用的选项：
  --lang en|zh-CN           这些提示信息的语言（默认取自 LC_ALL、LC_MESSAGES 或 LANG）
  -h, --help                显示本帮助

NN 是课程编号（01、1）或文件夹名（01-hello-process）。
进度保存在 .proclab/progress.json：把它提交到 git，进度就跟着你的代码走。`,

  'errors.badOption': '{reason}。运行 `npx proclab --help` 查看命令及其选项。',
  'errors.unknownCommand': "没有 '{command}' 这个命令。运行 `npx proclab --help` 查看所有命令。",
  'errors.optionNotForCommand': '`proclab {command}` 不接受 {option}。运行 `npx proclab --help` 查看每个命令的选项。',
  'errors.notWholeNumber': "{option} 需要一个不小于 {min} 的整数，实际得到 '{value}'。例如：{option} 3。",
  'errors.seedAndSeeds': '请只给出 --seed N（重放一种调度）或 --seeds K（种子 1 到 K）中的一个。',
  'errors.needsLesson': '`proclab {command}` 需要一个课程编号，例如 `npx proclab {command} 01`。',
  'errors.noLesson': "没有 '{query}' 这一课。现有课程：{numbers}。运行 `npx proclab list` 查看。",
  'errors.noCourse': '这里没有 proclab 课程：{from} 及其上级文件夹中，没有同时包含 lessons/ 文件夹和 package.json 的。请在你的课程副本里运行 proclab。',
  'errors.newUsage': '请给出新课的名字和要复制的课：`npx proclab new 23-shared-memory --from 11`。',
  'errors.unknownDev': "没有 `proclab dev {what}`：作者用的命令是 `npx proclab dev check [NN]`。",
  'errors.badLang': "不认识的语言 '{lang}'：请用 --lang en 或 --lang zh-CN。",

  'list.heading': 'proclab：动手学多进程',
  'list.progress': '进度 {bar} {passed}/{total} 课',
  'list.allPassed': '所有课程都通过了，干得好！',
  'list.next': '下一课：第 {number} 课，{title}',
  'list.read': '阅读',
  'list.edit': '编辑',
  'list.watch': '监视',
  'list.check': '检查',
  'list.stuck': '卡住了？',

  'check.start': '正在检查第 {number} 课，{title}（{what}）…',
  'check.yourExercise': '你的 exercise.ts',
  'check.theSolution': '参考答案',
  'check.seeds': '依次在种子 {seeds} 下运行，直到有一个失败。',

  'report.passed': '第 {number} 课通过：{total} 项检查通过了 {passed} 项。',
  'report.underSeed': '（种子 {seed}）',
  'report.failed': '第 {number} 课还没有通过：{total} 项检查通过了 {passed} 项。',
  'report.skipped': '第 {number} 课已跳过：它无法在这台机器上运行，所以既没有通过，也没有失败。',
  'report.seedFailed': '它在种子 {seed} 下失败；这种调度可以原样重放：{command}',
  'report.firstFailure': '第一个失败：{name}',
  'report.fileFailed': '测试在运行各项检查之前就停止了',
  'report.noMessage': '没有任何信息说明原因：在 {dir} 中运行 `npx vitest run`，看看 vitest 怎么说。',
  'report.checks': '各项检查：',
  'report.headlineAgain': '第一个失败，简单地说',

  'next.failed': '读一读上面的第一个失败，修改你的 exercise.ts，再检查一次。卡住了？npx proclab hint {number}',
  'next.skipped': '请安装它所需要的东西（见上文），然后再检查一次：npx proclab check {number}',
  'next.failedWatching': '读一读上面的第一个失败，然后保存你的 exercise.ts：保存后会立刻重新检查。卡住了？按 h 看提示。',
  'next.congratulations': '恭喜：你完成了第 {number} 课！',
  'next.solutionOpen': '现在可以看参考答案了：npx proclab solution {number}（加上 --write 会把它保存为练习旁边的 solution.ts）。',
  'next.lesson': '下一课：第 {number} 课，{title}。用 npx proclab watch {number} 开始。',
  'next.lessonWatching': '下一课：第 {number} 课，{title}。按 n 继续。',
  'next.courseDone': '这是最后一课：整门课程你都完成了！',
  'next.unsolvedLeft': '这是最后一课，不过还有 {count} 课没有通过。第一课是第 {number} 课，{title}。用 npx proclab watch {number} 回到那一课。',
  'next.unsolvedLeftWatching': '这是最后一课，不过还有 {count} 课没有通过。第一课是第 {number} 课，{title}。按 q 退出，再运行 npx proclab watch {number}。',

  'hint.more': '（还有 {count} 条：再运行一次这个命令，看下一条提示。）',
  'hint.last': '（这是最后一条提示。）',
  'hint.missing': '{file} 不见了，所以没有提示可以显示。请从 git 恢复它（git checkout -- {file}）。',
  'hint.none': '{file} 里没有提示：每条提示以标题 `## ` 开头。',
  'hint.untranslated': '（这一课的提示还没有中文版，以下是英文提示。）',

  'reset.noStarter': '找不到可以用来恢复 {file} 的初始代码：课程自带的副本 {starter} 不见了。请从你获得课程的地方重新取得它（git checkout -- {starter}，或重新下载）。',
  'reset.unchanged': '第 {number} 课已经是初始代码，不需要重置。',
  'reset.done': '第 {number} 课：{file} 已恢复为课程发布时的初始代码。',
  'reset.backup': '你的版本保存在 {file}',

  'solution.locked': '第 {number} 课的参考答案要在你自己的练习通过之后才能看：先完成它，再用 npx proclab check {number} 检查（或在监视模式下保存）。卡住了？npx proclab hint {number}',
  'solution.missing': '{file} 不见了：课程没有这一课的参考答案。请告诉课程作者。',
  'solution.heading': '第 {number} 课，{title}：参考答案（{file}）',
  'solution.written': '参考答案已写入 {file}，就在你的 {exercise} 旁边。对比一下吧！',

  'watch.heading': '第 {number} 课（{position}/{total}）：{title}',
  'watch.checking': '正在检查你的练习…',
  'watch.manual': '手动模式：按回车再检查一次。',
  'watch.polling': '正在用轮询监视你的文件：{why}',
  'watch.pollingAsked': '你用 --poll 要求了轮询。',
  'watch.pollingWsl': '课程位于 WSL 下的 Windows 磁盘上，在那里保存文件不会产生文件事件。',
  'watch.pollingNetwork': '课程位于网络文件系统上（{mount} 上的 {fsType}），在别处保存文件不会产生文件事件。',
  'watch.fallback': '这里无法使用文件事件（{error}）：改用轮询监视。',
  'watch.keys': '按键：n 下一课 · h 提示 · l 列表 · r 重置 · c 检查全部 · q 退出',
  'watch.lineKeys': '命令：n 下一课 · h 提示 · l 列表 · r 重置 · c 检查全部 · q 退出（输入字母后按回车）',
  'watch.unknownKey': "'{key}' 不是命令。{keys}",
  'watch.hintOf': '提示 {shown}/{total}',
  'watch.moreHints': '（再按一次 h 看下一条提示。）',
  'watch.lastLesson': '这已经是最后一课，没有下一课了。',
  'watch.resetAsk': '把第 {number} 课的 exercise.ts 重置为初始代码吗？你的版本会保存在 .proclab/backups/。[y/N]',
  'watch.resetCancelled': '没有重置。',
  'watch.checkingAll': '正在检查每一课…',
  'watch.bye': '再见！运行 npm start 就能从这里继续。',

  'grade.heading': '成绩（{what}）',
  'grade.exercises': '学员的练习',
  'grade.solutions': '参考答案',
  'grade.lesson': '课程',
  'grade.checks': '检查',
  'grade.points': '分数',
  'grade.total': '总计',
  'grade.fileErrorNote': '! 测试在所有检查运行之前就停止了（超时，或留下了仍在运行的进程）。',
  'grade.skippedChecks': '已跳过',
  'grade.skippedNote': '○ 已跳过：该课无法在这台机器上运行，不得分。{id}：{reason}',
  'grade.wrote': '已写入 {file}',
  'grade.classroomOutput': '已在 $GITHUB_OUTPUT 中设置步骤输出 `result`（GitHub Classroom）。',
  'grade.classroomNoOutput': '没有设置 GITHUB_OUTPUT（不在 GitHub Actions 中），下面是 GitHub Classroom 会读取的步骤输出：',

  'new.badName': "新课的名字应为 NN-topic，小写并用短横线连接，例如 23-shared-memory（实际得到 '{name}'）。",
  'new.numberTaken': '第 {number} 课已经存在（{id}）：请选一个还没有被使用的编号。',
  'new.exists': '{dir} 已经存在：请换一个名字，或先删除它。',
  'new.created': '已从 {from} 复制，创建了 {lesson} 和 {solution}。',
  'new.noStarter': '缺少 {starter}，所以没有可复制的原始初始代码：请先恢复它（git checkout -- {starter}），再运行这条命令。',
  'new.localChanges': '注意：{exercise} 有本地修改。新课从 {starter}（课程发布时的初始代码）开始，而不是从你的版本开始。',
  'new.nextSteps': `下一步：
  1. 在 {dir}/package.json 中写上标题，然后编写 README.md 和 hints.md（以及它们的 .zh-CN.md 译文）、exercise.ts 和 exercise.test.ts；把最终的 exercise.ts 复制到 {dir}/.starter/exercise.ts，这是 \`reset\` 恢复的初始代码。
  2. 为新的测试改写 {solution}/mistakes 中的已知错误（至少 {mistakes} 个）和 {solution}/variants 中的变体（至少 {variants} 个）：它们是从 {from} 原样复制来的。每个文件都以文件头开始：// Mistake: 和 // Fails:（可选 // Says:），或 // Variant:。
  3. 用 npx proclab dev check {number} 验证它。`,
  'new.npmInstall': '然后在仓库根目录运行 npm install：lockfile（以及 node_modules）必须列出这个新的工作区包。',

  'trace.running': '正在开启追踪运行 {file}…',
  'trace.summary': '{file}：退出码 {exitCode}，追踪到 {processes} 个进程。',
  'trace.failed': '追踪运行失败：',
  'trace.wroteHtml': '时间线已写入 {file}',
  'trace.opening': '正在用浏览器打开…',
  'trace.cannotOpen': '无法打开浏览器（{reason}）：请自己打开 {file}。',
  'timeline.written': '你的程序的时间线（又追踪运行了一次）在 {file}：用浏览器打开它。',

  'dev.noLessons': 'dev check：lessons/ 下没有找到任何课程。请添加一个课程文件夹，例如用 npx proclab new 01-topic --from <现有课程>。',
  'dev.missing': '缺少 {file}：请添加{what}。',
  'dev.whatReadme': '课文（{language}）',
  'dev.whatHints': '两到四条提示（{language}），每条以 `## ` 标题开头',
  'dev.whatStarter': '初始程序',
  'dev.whatStarterCopy': '{exercise} 的副本，即 reset 恢复、new 复制的原始初始代码',
  'dev.starterCopyDiffers': '{exercise} 与 {starter}（reset 恢复、new 复制的初始代码）不一致。如果 exercise.ts 就是你要发布的初始代码，请把它复制过去（cp {exercise} {starter}）；如果它是你自己的解答，请用 npx proclab reset {number} 恢复初始代码。',
  'dev.whatSolution': '参考答案，文件名和导出与初始程序相同',
  'dev.noTitle': 'lessons/{id}/package.json 没有标题：请添加 {example}。',
  'dev.noTodo': '{file} 中没有 TODO：请标出学员需要编写的地方。',
  'dev.fewHints': '{file} 的提示少于 2 条：请写两到四条，每条以 `## ` 标题开头。',
  'dev.hintCountsDiffer': '{file} 有 {count} 条提示，而 {original} 有 {originalCount} 条：请逐条翻译每一条提示。',
  'dev.whatMessages': "测试的检查名称和提示（英文和中文）：从 @proclab/harness 导入并 export const messages = defineMessages({ en: {…}, 'zh-CN': {…} })",
  'dev.messagesUnreadable': '无法加载 {file}（{reason}）：请修正它，让它导出 `messages`。',
  'dev.noMessagesExport': "{file} 没有导出 `messages`：请写 export const messages = defineMessages({ en: {…}, 'zh-CN': {…} })。",
  'dev.messagesNoLanguage': '{file} 没有 {language} 的消息：请添加 `{language}`，包含 `en` 的每一个键。',
  'dev.messageMissing': '{file}：{language} 中缺少 `{key}`：请翻译它。',
  'dev.messageExtra': '{file}：{language} 中的 `{key}` 在 en 里没有：请删除它，或者把它加到 en 里。',
  'dev.messageEmpty': '{file}：`{key}` 在 {language} 中是空的：请写出这条消息。',
  'dev.messagePlaceholders': '{file}：`{key}` 在 {language} 中的占位符是 {found}，在 en 中却是 {expected}：请使用相同的占位符。',
  'dev.noPlaceholders': '（无）',
  'dev.solutionFails': '测试在参考答案上没有通过（{passed} 项通过，{failed} 项失败）：',
  'dev.underSeed': '在种子 {seed} 下；用 {command} 重放',
  'dev.starterPasses': '测试在未修改的初始代码上就通过了：学员什么都不做也能通过。',
  'dev.starterSilent': '测试在初始代码上失败了，但没有给学员任何提示信息：请为每项检查写上提示。',
  'dev.skipped': '已跳过，未检查：{reason}',
  'dev.mistakeHeader': '{file} 没有有效的文件头（缺少 {missing}）：请在文件开头写 // Mistake: <学员做错了什么>，再写 // Fails: <必须最先失败的那项检查的英文名称>，可选 // Says: <失败信息必须包含的一句话>。',
  'dev.variantHeader': '{file} 没有有效的文件头：请在文件开头写 // Variant: <与参考答案有何不同>。',
  'dev.fewMistakes': '{dir} 中的已知错误太少（{count} 个，至少要 {minimum} 个）：请再写一些，按学员的写法写出完整的错误答案，每个都带 // Mistake: 和 // Fails: 行。',
  'dev.fewVariants': '{dir} 中的变体太少（{count} 个，至少要 {minimum} 个）：请写与参考答案写法不同的正确答案，带 // Variant: 行。',
  'dev.mistakePasses': '{file} 通过了测试，但它是一个已知错误（{mistake}）：请添加一项拒绝它的检查，并在信息中指出学员错在哪里。',
  'dev.mistakeWrongCheck': '{file} 必须最先在“{expected}”上失败，却最先在“{found}”上失败：请让“{expected}”更早发现它；如果“{found}”才是正确的第一条信息，请把它写进 // Fails: 行。',
  'dev.mistakeBeforeChecks': '{file} 必须最先在“{expected}”上失败，但测试在任何检查运行之前就停止了：请让检查得以运行（更短的超时、为卡住的情况写课程信息），或更正 // Fails: 行。',
  'dev.mistakeLacksPhrase': '{file} 按文件头所说在“{check}”上失败，但信息中没有“{phrase}”（它的 // Says: 行）：请在信息中说出这句话，或更正文件头。',
  'dev.variantFails': '{file} 是正确答案，测试却在“{check}”上判它失败：请让这项检查接受所有正确答案，而不只是参考答案的写法。',
  'dev.variantFailsBeforeChecks': '{file} 是正确答案，测试却在任何检查运行之前就停止了：请让测试接受所有正确答案，而不只是参考答案的写法。',
  'dev.scoreHeading': '已知错误与变体：',
  'dev.score': '{id}：拒绝了 {rejected}/{mistakes} 个错误，通过了 {passing}/{variants} 个变体',
  'dev.scoreTotal': '合计：拒绝了 {rejected}/{mistakes} 个错误，通过了 {passing}/{variants} 个变体',
  'dev.answersSkipped': '未运行已知错误与变体（{variable}=0）：只检查了它们的文件头和数量。',
}
