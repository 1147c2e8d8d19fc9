import { expect, test } from 'vitest'
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { execa } from 'execa'
import type { ClassroomResult } from '../src/grade/classroom.ts'
import { expectNoProcessesIn } from './helpers/course.ts'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))

/** The `run:` steps of the GitHub Classroom workflow the root README gives teachers, in order. */
function workflowRunSteps(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const workflow = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1]
  if (!workflow) throw new Error('README.md has no ```yaml block: the Classroom workflow is gone from the teachers\' guide.')
  return [...workflow.matchAll(/^\s*(?:- )?run: (.+)$/gm)].map((m) => m[1]!.trim())
}

// What a student's push meets: a fresh clone of the course (of this repository's last commit, as
// actions/checkout gives it) with nothing installed, then the workflow's own commands, exactly as the
// README writes them. The reporter action stands last: it decodes the `result` step output.
test("the README's Classroom workflow, run in a fresh clone, grades the student's work", async () => {
  const steps = workflowRunSteps()
  expect(steps).toEqual(['npm ci', 'sudo apt-get update && sudo apt-get install -y redis-server', 'npx proclab grade --classroom'])
  const dir = mkdtempSync(join(tmpdir(), 'proclab-classroom-'))
  const clone = join(dir, 'course')
  try {
    await execa('git', ['clone', '-q', ROOT, clone])
    // The student solved lesson 01 and nothing else.
    copyFileSync(join(clone, 'solutions/01-hello-process/exercise.ts'), join(clone, 'lessons/01-hello-process/exercise.ts'))
    const outputFile = join(dir, 'github-output')
    writeFileSync(outputFile, '')
    const env = { CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: outputFile, FORCE_COLOR: '0', LANG: 'en_US.UTF-8', LC_ALL: '' }
    // The Redis step is not run here (it needs root): this machine has redis-server already (.ci/run
    // installs it), as a runner has after that step, so lessons 23 and 24 are graded, not skipped.
    const [install, , grade] = steps as [string, string, string]
    const step = (command: string) => execa(command, { cwd: clone, env, shell: true, reject: false, all: true })
    const installed = await step(install)
    expect(installed.exitCode, installed.all).toBe(0)
    const graded = await step(grade)
    // Some lessons fail, so the step fails; the reporter still runs (`if: !cancelled()`) and reports the score.
    expect(graded.exitCode, graded.all).toBe(1)

    const output = /^result=(.+)$/m.exec(readFileSync(outputFile, 'utf8'))
    expect(output, 'grade --classroom set no `result` step output').not.toBeNull()
    const result = JSON.parse(Buffer.from(output![1]!, 'base64').toString('utf8')) as ClassroomResult
    const lessons = readdirSync(join(clone, 'lessons')).length
    expect(result).toMatchObject({ version: 1, status: 'fail', max_score: lessons * 10 })
    expect(result.tests).toHaveLength(lessons)
    expect(result.tests[0]).toMatchObject({ name: '01-hello-process: Starting a process', status: 'pass', score: 10 })
    // An unsolved starter fails its checks, or errors when it hangs (lessons that wait on a queue or a join).
    for (const unsolved of result.tests.slice(1)) expect(unsolved).toMatchObject({ status: expect.stringMatching(/^(fail|error)$/), score: 0 })
    await expectNoProcessesIn(clone)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}, 600_000)
