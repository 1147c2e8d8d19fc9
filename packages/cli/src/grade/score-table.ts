import type { Translate } from '../i18n/index.ts'
import { padEnd, displayWidth } from '../terminal/width.ts'
import { lessonSkipped } from '../vitest-runner.ts'
import type { Gradebook } from './gradebook.ts'

/**
 * The gradebook as a table: one row per lesson with its checks passed and its points, then the total.
 * @example
 *   lesson               checks  points
 *   ✓ 01-hello-process   4/4     10/10
 */
export function formatScoreTable(t: Translate, book: Gradebook): string {
  const rows = book.lessons.map(({ lesson, result, status, points, maxPoints }) => [
    `${status === 'pass' ? '✓' : status === 'skipped' ? '○' : '✗'} ${lesson.id}`,
    status === 'skipped' ? t('grade.skippedChecks') : `${result.checks.filter((c) => c.passed).length}/${result.checks.length}${result.fileError === undefined ? '' : ' !'}`,
    `${points}/${maxPoints}`,
  ])
  const header = [t('grade.lesson'), t('grade.checks'), t('grade.points')]
  const footer = [t('grade.total'), '', `${book.points}/${book.maxPoints}`]
  const table = [header, ...rows, footer]
  const widths = header.map((_, column) => Math.max(...table.map((row) => displayWidth(row[column]!))))
  const line = (row: string[]) => `  ${row.map((cell, column) => padEnd(cell, widths[column]!)).join('  ')}`.trimEnd()
  const rule = `  ${'─'.repeat(widths.reduce((sum, w) => sum + w, 0) + 2 * (widths.length - 1))}`
  const notes = book.lessons.some((g) => g.result.fileError !== undefined) ? [`\n${t('grade.fileErrorNote')}`] : []
  for (const { lesson, result, status } of book.lessons) {
    if (status === 'skipped') notes.push(`\n${t('grade.skippedNote', { id: lesson.id, reason: lessonSkipped(result) ?? '' })}`)
  }
  return [line(header), rule, ...rows.map(line), rule, line(footer), ...notes].join('\n')
}
