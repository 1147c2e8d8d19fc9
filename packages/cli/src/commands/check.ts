import type { Lesson } from '../lessons.ts'
import { recordCheck } from '../progress.ts'
import { checkLessonInteractively } from '../vitest-runner.ts'

/** `proclab check NN`: runs the lesson's test on the learner's exercise and records the result. Returns an exit code. */
export async function check(root: string, lessons: Lesson[], lesson: Lesson): Promise<number> {
  console.log(`Checking lesson ${lesson.number}, ${lesson.title}…\n`)
  const passed = await checkLessonInteractively(lesson, 'starter')
  recordCheck(root, lesson.id, passed)
  if (passed) {
    const next = lessons[lessons.indexOf(lesson) + 1]
    console.log(`\n✓ Lesson ${lesson.number} passes.${next ? ` Next: lesson ${next.number}, ${next.title} (npx proclab run ${next.number}).` : ' That was the last lesson!'}`)
    return 0
  }
  console.log(`\n✗ Lesson ${lesson.number} does not pass yet: read the first failure above. Stuck? npx proclab hint ${lesson.number}`)
  return 1
}
