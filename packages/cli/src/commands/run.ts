import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { pathToFileURL } from 'node:url'
import { execa } from 'execa'
import type { Lesson } from '../lessons.ts'

const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href

/** `proclab run NN [--solution]`: runs the lesson's program, as `npx tsx exercise.ts` would. Returns its exit code. */
export async function run(lesson: Lesson, useSolution: boolean, args: string[]): Promise<number> {
  const file = useSolution ? lesson.solution : lesson.exercise
  const result = await execa(process.execPath, ['--import', tsxLoader, file, ...args], { cwd: dirname(file), stdio: 'inherit', reject: false })
  return result.exitCode ?? 1
}
