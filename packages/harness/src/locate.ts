import { existsSync } from 'node:fs'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { harnessWords } from './i18n/harness-messages.ts'

/** Which version of a lesson's program a test runs: the learner's starter or the reference solution. */
export type Target = 'starter' | 'solution'

/** The environment variable that picks the target; anything but `solution` means the starter. */
export const TARGET_ENV = 'PROCLAB_TARGET'

/**
 * The environment variable that names another program to run in place of the target's `exercise.ts`
 * (a path from the repository root, or absolute): `proclab dev check` runs a lesson's known mistakes
 * and variants (`solutions/NN-topic/mistakes/*.ts`, `variants/*.ts`) through the lesson's own test.
 */
export const PROGRAM_ENV = 'PROCLAB_PROGRAM'

/** Reads the target from the environment. */
export function currentTarget(env: NodeJS.ProcessEnv = process.env): Target {
  return env[TARGET_ENV] === 'solution' ? 'solution' : 'starter'
}

/** How messages call each target's program: the learner's own work, or the course's answer. */
const TARGET_LABELS = { starter: 'yourExercise', solution: 'solution' } as const satisfies Record<Target, string>

/**
 * How messages name a lesson's program: its path from the repository root, then whose it is (the
 * starter target is the learner's file as they left it, edited or not).
 * @example shownProgram('/course', '/course/lessons/08-queue/exercise.ts', 'starter') // 'lessons/08-queue/exercise.ts (your exercise)'
 */
export function shownProgram(root: string, file: string, target: Target): string {
  const standard = dirname(file) === join(root, target === 'solution' ? 'solutions' : 'lessons', basename(dirname(file)))
  return `${relative(root, file)} (${harnessWords()(standard ? TARGET_LABELS[target] : 'givenProgram')})`
}

/** A lesson folder and the repository around it, derived from the folder alone. */
export interface LessonPaths {
  /** `lessons/NN-topic`, absolute. */
  lessonDir: string
  /** `NN-topic`. */
  id: string
  /** The repository root (the folder holding `lessons/` and `solutions/`). */
  root: string
  /** `solutions/NN-topic`, absolute. */
  solutionDir: string
}

/**
 * Finds a lesson from any file or folder inside it, such as a test's `import.meta.url`.
 * @example lessonPaths(import.meta.url).id // '01-hello-process'
 */
export function lessonPaths(fileOrDir: string | URL): LessonPaths {
  let dir = String(fileOrDir).startsWith('file:') ? fileURLToPath(fileOrDir) : resolve(String(fileOrDir))
  if (!existsSync(join(dir, 'package.json'))) dir = dirname(dir)
  const root = resolve(dir, '..', '..')
  const id = basename(dir)
  return { lessonDir: dir, id, root, solutionDir: join(root, 'solutions', id) }
}

/**
 * The program file a test runs for `target`: `exercise.ts` in the lesson, or in its solution folder;
 * or, for the main program, the one `PROCLAB_PROGRAM` names.
 */
export function programFile(paths: LessonPaths, target: Target, file = 'exercise.ts', env: NodeJS.ProcessEnv = process.env): string {
  const given = file === 'exercise.ts' ? env[PROGRAM_ENV] : undefined
  const path = given ? resolve(paths.root, given) : join(target === 'solution' ? paths.solutionDir : paths.lessonDir, file)
  if (given && !existsSync(path)) throw new Error(`${PROGRAM_ENV} names ${given}, which does not exist (paths are from the course root, ${paths.root}).`)
  if (!existsSync(path)) {
    throw new Error(
      `The ${target} of lesson ${paths.id} is missing: expected ${relative(paths.root, path)}. ` +
        (target === 'solution'
          ? `Create it next to the lesson, in solutions/${paths.id}/, with the same file name as the starter.`
          : `Restore it with \`npx proclab reset ${paths.id}\`.`),
    )
  }
  return path
}
