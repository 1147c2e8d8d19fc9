import { describe, expect, test } from 'vitest'
import { placeholderTitle, renamer } from '../../src/commands/new-lesson.ts'
import { fakeLesson } from '../helpers/gradebook.ts'

const rename = renamer(fakeLesson('08-queue', 'Passing data through a Queue'), { id: '23-shared-memory', number: '23', title: 'Shared memory' })

describe('rewriting a copied lesson’s text', () => {
  test.each([
    ['# 08 · Passing data through a Queue', '# 23 · Shared memory'],
    ['# Hints for lesson 08', '# Hints for lesson 23'],
    ['// Lesson 08: pass data', '// Lesson 23: pass data'],
    ["describe('lesson 8: passing data', () => {", "describe('lesson 23: passing data', () => {"],
    ['Run it:   npx proclab run 08      Check it: npx proclab check 08', 'Run it:   npx proclab run 23      Check it: npx proclab check 23'],
    ['see lessons/08-queue/exercise.ts and solutions/08-queue/', 'see lessons/23-shared-memory/exercise.ts and solutions/23-shared-memory/'],
    ['# 第 08 课 · 队列', '# 第 23 课 · 队列'],
    ['第08课', '第23课'],
  ])('%j becomes %j', (before, after) => {
    expect(rename(before)).toBe(after)
  })

  test.each(['Lesson 07 showed that a child works on its own copy.', 'a Queue(3) holds 08 items? no: lesson 080', 'put 8 items'])('%j, about something else, stays', (text) => {
    expect(rename(text)).toBe(text)
  })

  test.each([
    ['shared-memory', 'Shared memory'],
    ['pool', 'Pool'],
  ])('the placeholder title of %s is %s', (topic, title) => {
    expect(placeholderTitle(topic)).toBe(title)
  })
})
