import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { execa } from 'execa'
import type { Lesson } from '../lessons.ts'

const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href

/** `proclab run NN [--solution]`: runs the lesson's program, as `npx tsx exercise.ts` would. Returns its exit code. */
export async function run(lesson: Lesson, useSolution: boolean, args: string[]): Promise<number> {
  const file = useSolution ? lesson.solution : lesson.exercise
  // From the learner's own folder, as `npx tsx <file>` would: relative paths in args mean what they typed.
  const result = await execa(process.execPath, ['--import', tsxLoader, file, ...args], { stdio: 'inherit', reject: false })
  return result.exitCode ?? 1
}
