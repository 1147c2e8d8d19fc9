/**
 * The CLI's messages in English: the catalog every other language must complete. `{name}` is a
 * placeholder; messages hold no other braces.
 */
export const en = {
  help: `proclab: learn multiprocessing by doing

Usage:
  proclab                   watch mode on your current lesson (the first one not solved yet)
  proclab watch [NN]        watch mode on lesson NN: checks it each time you save a file in its folder
      --poll                  notice saves by polling the folder (for network drives; chosen by itself under WSL on /mnt/…)
      --manual                check only when you press Enter
    keys: n next lesson, h hint, l list, r reset, c check all lessons, q quit (Ctrl-C too)
    without a terminal, type the same letters followed by Enter
  proclab list              the lessons, your progress, and what to do next
  proclab run NN            run lesson NN's program (your exercise.ts); --solution runs the answer
  proclab check NN          check your exercise.ts against the lesson's test and record the result
      --seed N                replay one schedule (seeded small delays in proclab's processes)
      --seeds K               check under seeds 1 to K, stopping at the first that fails
      --solution              check the reference solution instead (not recorded)
  proclab hint NN           show the next hint for lesson NN
  proclab reset NN          put the starter exercise.ts back (your version is kept in .proclab/backups/)
  proclab solution NN       show the reference solution, once your exercise passes; --write saves it as solution.ts
  proclab trace NN          run the program and draw a timeline of its processes
      --solution              trace the reference solution
      --html FILE             also write the timeline as a web page; --open opens it
  proclab grade             (teachers) check every lesson and print a score table
      --solution              grade the reference solutions instead
      --json FILE             write exercism's results.json (version 3)
      --junit FILE            write JUnit XML
      --classroom             GitHub Classroom's autograding result (step output "result")
      --points N              points per lesson (default 10)
  proclab new NN-topic --from MM
                            (authors) a new lesson, copied from lesson MM
  proclab dev check [NN]    (authors) each lesson is complete, passes against its solution and fails as shipped
      --seeds K               also run each solution under seeds 1 to K (default 2)
  proclab worker --redis URL
                            (clusters) this machine runs ClusterPool tasks, until SIGTERM
      --queue NAME            the callers' queue (default proclab)
      --processes N           processes of its local pool (default: the CPU count)

Options for every command:
  --lang en|zh-CN           the language of these messages (default: from LC_ALL, LC_MESSAGES or LANG)
  -h, --help                this help

NN is a lesson number (01, 1) or folder name (01-hello-process).
Progress is kept in .proclab/progress.json: commit it and it travels with your work.`,

  'errors.badOption': '{reason}. Run `npx proclab --help` to see the commands and their options.',
  'errors.unknownCommand': "Unknown command '{command}'. Run `npx proclab --help` to see the commands.",
  'errors.optionNotForCommand': '`proclab {command}` does not take {option}. Run `npx proclab --help` to see what each command takes.',
  'errors.notWholeNumber': "{option} needs a whole number of at least {min}, got '{value}'. For example: {option} 3.",
  'errors.seedAndSeeds': 'Give either --seed N (replay one schedule) or --seeds K (seeds 1 to K), not both.',
  'errors.needsLesson': '`proclab {command}` needs a lesson number, e.g. `npx proclab {command} 01`.',
  'errors.noLesson': "There is no lesson '{query}'. Lessons: {numbers}. Run `npx proclab list` to see them.",
  'errors.noCourse': 'No proclab course here: no folder above {from} holds a lessons/ folder and a package.json. Run proclab inside your copy of the course.',
  'errors.newUsage': 'Name the new lesson and the lesson to copy: `npx proclab new 23-shared-memory --from 11`.',
  'errors.unknownDev': "Unknown `proclab dev {what}`: the authors' command is `npx proclab dev check [NN]`.",
  'errors.badLang': "Unknown language '{lang}': use --lang en or --lang zh-CN.",

  'list.heading': 'proclab: learn multiprocessing by doing',
  'list.progress': 'Progress {bar} {passed}/{total} lessons',
  'list.allPassed': 'Every lesson passes. Well done!',
  'list.next': 'Next: lesson {number}, {title}',
  'list.read': 'read',
  'list.edit': 'edit',
  'list.watch': 'watch',
  'list.check': 'check',
  'list.stuck': 'stuck?',

  'check.start': 'Checking lesson {number}, {title} ({what})…',
  'check.yourExercise': 'your exercise.ts',
  'check.theSolution': 'the reference solution',
  'check.seeds': 'Under seeds {seeds}, one after another, until one fails.',

  'report.passed': 'Lesson {number} passes: {passed} of {total} checks.',
  'report.underSeed': '(under seed {seed})',
  'report.failed': 'Lesson {number} does not pass yet: {passed} of {total} checks pass.',
  'report.skipped': 'Lesson {number} was skipped: it cannot run on this machine, so it has neither passed nor failed.',
  'report.seedFailed': 'It failed under seed {seed}, a schedule you can replay exactly: {command}',
  'report.firstFailure': 'First failure: {name}',
  'report.fileFailed': 'The test stopped before its checks could run',
  'report.noMessage': 'Nothing says why: run `npx vitest run` in {dir} to see what vitest says.',
  'report.checks': 'Checks:',
  'report.headlineAgain': 'In short, the first failure',

  'next.failed': 'Read the first failure above, change your exercise.ts, and check again. Stuck? npx proclab hint {number}',
  'next.skipped': 'Install what it needs (see above), then check again: npx proclab check {number}',
  'next.failedWatching': 'Read the first failure above and save your exercise.ts: it is checked again at once. Stuck? Press h for a hint.',
  'next.congratulations': 'Congratulations: you have solved lesson {number}!',
  'next.solutionOpen': 'The reference solution is now open to you: npx proclab solution {number} (add --write to save it as solution.ts beside your exercise).',
  'next.lesson': 'Next: lesson {number}, {title}. Start it with npx proclab watch {number}',
  'next.lessonWatching': 'Next: lesson {number}, {title}. Press n to go on.',
  'next.courseDone': 'That was the last lesson: you have done the whole course!',
  'next.unsolvedLeft': 'That was the last lesson, but {count} lesson(s) do not pass yet. The first: lesson {number}, {title}. Go back to it with npx proclab watch {number}',
  'next.unsolvedLeftWatching': 'That was the last lesson, but {count} lesson(s) do not pass yet. The first: lesson {number}, {title}. Press q, then run npx proclab watch {number}',

  'hint.more': '({count} more: run the command again for the next hint.)',
  'hint.last': '(That was the last hint.)',
  'hint.missing': '{file} is missing, so there are no hints to show. Restore it from git (git checkout -- {file}).',
  'hint.none': '{file} has no hints: each hint starts with a heading `## Hint N`.',
  'hint.untranslated': '(This lesson has no hints in your language yet: here they are in English.)',

  'reset.noStarter':
    'There is no starter to restore {file} from: {starter}, the copy the course ships, is missing. Get it back from where you got the course (git checkout -- {starter}, or a fresh download).',
  'reset.unchanged': 'Lesson {number} is already the starter: nothing to reset.',
  'reset.done': 'Lesson {number}: {file} is the starter again, as the course shipped it.',
  'reset.backup': 'Your version is kept in {file}',

  'solution.locked':
    'The solution of lesson {number} opens once your own exercise passes: solve it first, and check it with npx proclab check {number} (or save it in watch mode). Stuck? npx proclab hint {number}',
  'solution.missing': '{file} is missing: the course has no reference solution for this lesson. Tell the course authors.',
  'solution.heading': 'Lesson {number}, {title}: the reference solution ({file})',
  'solution.written': 'Wrote the reference solution to {file}, beside your {exercise}. Compare them!',

  'watch.heading': 'Lesson {number} ({position} of {total}): {title}',
  'watch.checking': 'Checking your exercise…',
  'watch.manual': 'Manual mode: press Enter to check again.',
  'watch.polling': 'Watching your files by polling: {why}',
  'watch.pollingAsked': 'you asked for it with --poll.',
  'watch.pollingWsl': 'the course is on a Windows drive under WSL, where saves raise no file events.',
  'watch.pollingNetwork': 'the course is on a network file system ({fsType} at {mount}), where saves made elsewhere raise no file events.',
  'watch.fallback': 'File events are not available here ({error}): watching by polling instead.',
  'watch.keys': 'Keys: n next lesson · h hint · l list · r reset · c check all · q quit',
  'watch.lineKeys': 'Commands: n next lesson · h hint · l list · r reset · c check all · q quit (type the letter, then Enter)',
  'watch.unknownKey': "'{key}' is not a command. {keys}",
  'watch.hintOf': 'Hint {shown} of {total}',
  'watch.moreHints': '(Press h again for the next hint.)',
  'watch.lastLesson': 'This is the last lesson: there is no next one.',
  'watch.resetAsk': 'Reset lesson {number} to its starter exercise.ts? Your version is kept in .proclab/backups/. [y/N]',
  'watch.resetCancelled': 'Not reset.',
  'watch.checkingAll': 'Checking every lesson…',
  'watch.bye': 'Bye! Run npm start to carry on where you left off.',

  'grade.heading': 'Grades ({what})',
  'grade.exercises': "the learner's exercises",
  'grade.solutions': 'the reference solutions',
  'grade.lesson': 'lesson',
  'grade.checks': 'checks',
  'grade.points': 'points',
  'grade.total': 'total',
  'grade.fileErrorNote': '! the test stopped before all its checks could run (it timed out or left processes running).',
  'grade.skippedChecks': 'skipped',
  'grade.skippedNote': '○ skipped: the lesson could not run on this machine and earns no points. {id}: {reason}',
  'grade.wrote': 'Wrote {file}',
  'grade.classroomOutput': 'Set the step output `result` (GitHub Classroom) in $GITHUB_OUTPUT.',
  'grade.classroomNoOutput': 'GITHUB_OUTPUT is not set (not in GitHub Actions), so here is the step output GitHub Classroom would read:',

  'new.badName': "Name the new lesson NN-topic, in lower case with dashes, e.g. 23-shared-memory (got '{name}').",
  'new.numberTaken': 'Lesson {number} exists already ({id}): pick a number no lesson has.',
  'new.exists': '{dir} exists already: pick another name, or remove it first.',
  'new.created': 'Created {lesson} and {solution}, copied from {from}.',
  'new.noStarter': '{starter} is missing, so there is no pristine starter to copy: restore it (git checkout -- {starter}) and run the command again.',
  'new.localChanges': 'Note: {exercise} has local changes. The new lesson starts from {starter}, the starter as the course shipped it, not from your version.',
  'new.nextSteps': `Next:
  1. Give it its title in {dir}/package.json, then write its README.md and hints.md (with their .zh-CN.md translations), exercise.ts and exercise.test.ts; copy the final exercise.ts to {dir}/.starter/exercise.ts, the starter \`reset\` restores.
  2. Rewrite the known mistakes in {solution}/mistakes (at least {mistakes}) and the variants in {solution}/variants (at least {variants}) for the new test: they were copied from {from} as they were. Each starts with its header: // Mistake: and // Fails: (optionally // Says:), or // Variant:.
  3. Prove it with npx proclab dev check {number}`,
  'new.npmInstall': 'Then run npm install at the root: the lockfile (and node_modules) must list the new workspace package.',

  'trace.running': 'Running {file} with tracing on…',
  'trace.summary': '{file}: exit code {exitCode}, {processes} process(es) traced.',
  'trace.failed': 'The traced run failed:',
  'trace.wroteHtml': 'Timeline written to {file}',
  'trace.opening': 'Opening it in your browser…',
  'trace.cannotOpen': 'Could not open a browser ({reason}): open {file} yourself.',
  'timeline.written': 'A timeline of your program (one more run, traced) is in {file}: open it in a browser.',

  'dev.noLessons': 'dev check: no lessons found under lessons/. Add a lesson folder, e.g. with npx proclab new 01-topic --from <an existing course>.',
  'dev.missing': '{file} is missing: add {what}.',
  'dev.whatReadme': 'the lesson text ({language})',
  'dev.whatHints': 'two to four hints ({language}), each under a `## ` heading',
  'dev.whatStarter': 'the starter program',
  'dev.whatStarterCopy': 'a copy of {exercise}, the pristine starter that reset restores and new copies',
  'dev.starterCopyDiffers': '{exercise} differs from {starter}, the starter that reset restores and new copies. If exercise.ts is the starter you mean to ship, copy it there (cp {exercise} {starter}); if it is your own solution, put the starter back with npx proclab reset {number}.',
  'dev.whatSolution': 'the reference solution, with the same file name and exports as the starter',
  'dev.noTitle': 'lessons/{id}/package.json has no title: add {example}.',
  'dev.noTodo': '{file} has no TODO: mark what the learner must write.',
  'dev.fewHints': '{file} has fewer than 2 hints: give two to four, each under a `## ` heading.',
  'dev.hintCountsDiffer': '{file} has {count} hints but {original} has {originalCount}: translate every hint, one for one.',
  'dev.whatMessages': "the check names and hints of its test in English and Chinese: export const messages = defineMessages({ en: {…}, 'zh-CN': {…} }) from @proclab/harness",
  'dev.messagesUnreadable': '{file} could not be loaded ({reason}): fix it so that it exports `messages`.',
  'dev.noMessagesExport': "{file} does not export `messages`: export const messages = defineMessages({ en: {…}, 'zh-CN': {…} }).",
  'dev.messagesNoLanguage': '{file} has no {language} messages: add `{language}` with every key of `en`.',
  'dev.messageMissing': '{file}: `{key}` is missing in {language}: translate it.',
  'dev.messageExtra': '{file}: `{key}` in {language} is not in en: remove it, or add it to en.',
  'dev.messageEmpty': '{file}: `{key}` is empty in {language}: write the message.',
  'dev.messagePlaceholders': '{file}: `{key}` has the placeholders {found} in {language} but {expected} in en: use the same ones.',
  'dev.noPlaceholders': '(none)',
  'dev.solutionFails': 'the test does not pass against the solution ({passed} passed, {failed} failed):',
  'dev.underSeed': 'under seed {seed}; replay it with {command}',
  'dev.starterPasses': 'the test passes against the unmodified starter: a learner would pass without doing anything.',
  'dev.starterSilent': 'the test fails against the starter, but with no message for the learner: give each check a hint.',
  'dev.skipped': 'skipped, not checked: {reason}',
  'dev.mistakeHeader': "{file} has no valid header (it lacks {missing}): begin the file with // Mistake: <what the learner did wrong>, then // Fails: <the English name of the check that must fail first>, and optionally // Says: <a phrase its message must contain>.",
  'dev.variantHeader': '{file} has no valid header: begin the file with // Variant: <what is different from the solution>.',
  'dev.fewMistakes': '{dir} has too few known mistakes ({count}, at least {minimum}): write more, full wrong answers as learners write them, each with a // Mistake: and a // Fails: line.',
  'dev.fewVariants': '{dir} has too few variants ({count}, at least {minimum}): write a right answer written differently from the solution, with a // Variant: line.',
  'dev.mistakePasses': '{file} passes the test, yet it is a known mistake ({mistake}): add a check that rejects it, with a message that names what the learner got wrong.',
  'dev.mistakeWrongCheck': '{file} must fail “{expected}” first, but fails “{found}” first: make “{expected}” catch it earlier, or if “{found}” is the right first message, name it in the // Fails: line.',
  'dev.mistakeBeforeChecks': '{file} must fail “{expected}” first, but the test stopped before any check ran: let the checks run (a shorter timeout, a lesson message for the hang), or correct the // Fails: line.',
  'dev.mistakeLacksPhrase': '{file} fails “{check}” as its header says, but the message does not contain “{phrase}” (its // Says: line): say it in the message, or correct the header.',
  'dev.variantFails': '{file} is a right answer, yet the test fails it at “{check}”: make the check accept every right answer, not only the solution’s way of writing it.',
  'dev.variantFailsBeforeChecks': '{file} is a right answer, yet the test stopped before any check ran: make the test accept every right answer, not only the solution’s way of writing it.',
  'dev.scoreHeading': 'known mistakes and variants:',
  'dev.score': '{id}: {rejected}/{mistakes} mistakes rejected, {passing}/{variants} variants pass',
  'dev.scoreTotal': 'total: {rejected}/{mistakes} mistakes rejected, {passing}/{variants} variants pass',
  'dev.answersSkipped': 'known mistakes and variants not run ({variable}=0): only their headers and counts were checked.',
} as const
