import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { execa } from 'execa'
import { expect, test } from 'vitest'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const script = (JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as { scripts: Record<string, string> }).scripts['test:lessons']

test("the root's test:lessons script runs every lesson's test and nothing else's (besides the builds they need)", async () => {
  const dryRun = await execa('npm', ['run', '--silent', 'test:lessons', '--', '--dry=json'], { cwd: ROOT })
  const tasks = (JSON.parse(dryRun.stdout) as { tasks: { taskId: string }[] }).tasks.map((task) => task.taskId)
  const lessons = readdirSync(`${ROOT}/lessons`).filter((name) => /^\d+-/.test(name))
  expect(tasks.filter((id) => id.endsWith('#test')).sort()).toEqual(lessons.map((id) => `@proclab/lesson-${id}#test`).sort())
  expect(tasks.filter((id) => !id.endsWith('#test')).every((id) => id.endsWith('#build'))).toBe(true)
})

test('the test:lessons script goes on past a failing lesson, one lesson at a time', () => {
  expect(script).toMatch(/--continue(?:\s|$)/)
  expect(script).toMatch(/--concurrency=1\b/)
})
