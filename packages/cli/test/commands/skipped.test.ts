import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { courseForEachTest } from '../helpers/course.ts'

// A lesson that needs Redis (as lessons 23 and 24 do) skips its test when this machine has no
// redis-server and PROCLAB_REDIS names no server; check, grade and dev check must then say "skipped",
// never "passed". Absence is real: the CLI runs with a PATH that holds node and nothing else.
const course = courseForEachTest()

const nodeOnly = mkdtempSync(join(tmpdir(), 'proclab-path-node-only-'))
symlinkSync(process.execPath, join(nodeOnly, 'node'))
afterAll(() => rmSync(nodeOnly, { recursive: true, force: true }))
const withoutRedis = { PATH: nodeOnly, PROCLAB_REDIS: '' }

const NEEDS_REDIS_TEST = `import { test } from 'vitest'
import { redisServerMissing } from '@proclab/cluster'
import { expectProgram, runExercise } from '@proclab/harness'

const missing = redisServerMissing()
const run = missing ? undefined : await runExercise(import.meta.url)

if (!run) test.skip(\`skipped: this lesson needs Redis. \${missing!.message}\`, () => {})
else test('the program says done', () => expectProgram(run).line(/^done$/, 'Print \`done\`.'))
`

/** Adds lesson 04 to the course: lesson 01 (complete in both languages, with its known answers), with a test that needs Redis. */
function addRedisLesson(): void {
  cpSync(join(course.dir, 'lessons/01-good'), join(course.dir, 'lessons/04-needs-redis'), { recursive: true })
  cpSync(join(course.dir, 'solutions/01-good'), join(course.dir, 'solutions/04-needs-redis'), { recursive: true })
  course.write('lessons/04-needs-redis/package.json', JSON.stringify({ name: 'fake-lesson-04-needs-redis', private: true, type: 'module', proclab: { title: 'Needing Redis' } }))
  course.write('lessons/04-needs-redis/exercise.test.ts', NEEDS_REDIS_TEST)
}

const INSTALL = /sudo apt-get install redis-server.*brew install redis.*PROCLAB_REDIS/

describe('a lesson that cannot run on this machine', () => {
  test('proclab check says it was skipped and how to install what it needs, records nothing and does not exit 0', async () => {
    addRedisLesson()
    course.write('lessons/04-needs-redis/exercise.ts', "console.log('done')\n")
    const { stdout, exitCode } = await course.proclab(['check', '04'], { env: withoutRedis })
    expect(stdout).toContain('○ Lesson 04 was skipped: it cannot run on this machine, so it has neither passed nor failed.\n\nskipped: this lesson needs Redis.')
    expect(stdout).toMatch(INSTALL)
    expect(stdout).toContain('Install what it needs (see above), then check again: npx proclab check 04')
    expect(stdout).not.toMatch(/passes|Congratulations/)
    expect(exitCode).toBe(1)
    expect(existsSync(join(course.dir, '.proclab/progress.json')) ? course.read('.proclab/progress.json') : '').not.toContain('04-needs-redis')
  })

  test('with PROCLAB_REDIS naming a server, the same lesson runs and passes without redis-server installed', async () => {
    addRedisLesson()
    course.write('lessons/04-needs-redis/exercise.ts', "console.log('done')\n")
    const { stdout, exitCode } = await course.proclab(['check', '04'], { env: { ...withoutRedis, PROCLAB_REDIS: 'redis://127.0.0.1:1' } })
    expect(stdout).toContain('✓ Lesson 04 passes: 1 of 1 checks.')
    expect(exitCode).toBe(0)
  })

  test('proclab grade shows it as skipped, gives it no points, and says so in every report', async () => {
    addRedisLesson()
    const { stdout, exitCode } = await course.proclab(['grade', '--solution', '--json', 'results.json', '--junit', 'junit.xml'], { env: withoutRedis })
    expect(stdout).toContain('  ○ 04-needs-redis  skipped  0/10')
    expect(stdout).toMatch(/^  total +30\/40$/m)
    expect(stdout).toMatch(/○ skipped: the lesson could not run on this machine and earns no points\. 04-needs-redis: skipped: this lesson needs Redis\./)
    expect(exitCode).toBe(1)
    const results = JSON.parse(course.read('results.json'))
    expect(results.status).toBe('fail')
    expect(results.tests.at(-1)).toMatchObject({ name: '04-needs-redis › skipped', status: 'error', task_id: 4 })
    expect(results.tests.at(-1).message).toMatch(INSTALL)
    const junit = course.read('junit.xml')
    expect(junit).toMatch(/<testsuites name="proclab" tests="\d+" failures="0" errors="0" skipped="1"/)
    expect(junit).toMatch(/<testsuite name="04-needs-redis: Needing Redis" tests="1" failures="0" errors="0" skipped="1"[^>]*>\n {4}<testcase classname="04-needs-redis" name="skipped" time="0">\n {6}<skipped message="skipped: this lesson needs Redis\./)
  })

  test('proclab dev check reports it as skipped, not passed, and fails nothing for it', async () => {
    addRedisLesson()
    const { stdout, exitCode } = await course.proclab(['dev', 'check', '04', '--seeds', '0'], { env: withoutRedis })
    expect(stdout).toMatch(/^○ 04-needs-redis\n {4}skipped, not checked: skipped: this lesson needs Redis\./m)
    expect(stdout).toMatch(INSTALL)
    expect(stdout).toContain('\ndev check: 0 passed, 0 failed, 1 skipped')
    expect(exitCode).toBe(0)
  })

  test('proclab dev check still checks what needs no run: a skipped lesson with a broken known answer fails', async () => {
    addRedisLesson()
    course.write('solutions/04-needs-redis/mistakes/no-header.ts', "console.log('done.')\n")
    const { stdout, exitCode } = await course.proclab(['dev', 'check', '04', '--seeds', '0'], { env: withoutRedis })
    expect(stdout).toMatch(/^✗ 04-needs-redis\n {4}solutions\/04-needs-redis\/mistakes\/no-header\.ts has no valid header/m)
    expect(stdout).toContain('\ndev check: 0 passed, 1 failed')
    expect(exitCode).toBe(1)
  })
})
