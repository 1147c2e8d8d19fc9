import type { Context } from '../context.ts'
import type { Lesson } from '../lessons.ts'
import { firstUnsolved, readProgress } from '../progress.ts'
import { screenOn } from '../watch/screen.ts'
import { WatchSession } from '../watch/session.ts'
import { pollingReason, readSystemFacts, type PollingReason, type WatchMethod } from '../watch/watch-method.ts'
import { list } from './list.ts'

/** Options of {@link watch}, from the command line. */
export interface WatchCommandOptions {
  /** The lesson asked for; by default the first one not solved yet. */
  lesson?: Lesson | undefined
  /** `--poll`: poll the folder instead of waiting for file-system events. */
  poll: boolean
  /** `--manual`: check only when Enter is pressed. */
  manual: boolean
}

/**
 * `proclab watch [NN]` (and `proclab` alone): watch mode on a lesson. Keys on a terminal, line
 * commands from a pipe; in CI with no terminal it checks once and exits, so it never waits for a `q`
 * nobody will type. Returns an exit code (0: the learner quit).
 */
export async function watch(ctx: Context, options: WatchCommandOptions): Promise<number> {
  const lesson = options.lesson ?? firstUnsolved(ctx.lessons, readProgress(ctx.root))
  if (!lesson) {
    list(ctx)
    return 0
  }
  const stdin = process.stdin
  const keys = stdin.isTTY === true
  const { method, reason } = chooseMethod(lesson, options)
  const session = new WatchSession(ctx, screenOn(process.stdout), {
    lesson,
    method,
    pollingReason: reason,
    keys,
    once: !keys && isCI(process.env),
    stdin,
  })
  await session.run()
  return 0
}

function chooseMethod(lesson: Lesson, options: WatchCommandOptions): { method: WatchMethod; reason?: PollingReason } {
  if (options.manual) return { method: 'manual' }
  if (options.poll) return { method: 'polling', reason: { kind: 'asked' } }
  const reason = pollingReason(lesson.dir, readSystemFacts())
  return reason ? { method: 'polling', reason } : { method: 'events' }
}

/** Whether this runs in CI: the `CI` variable every CI service sets, unless it says false. */
function isCI(env: NodeJS.ProcessEnv): boolean {
  return env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false'
}
