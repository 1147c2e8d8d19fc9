import { readFileSync } from 'node:fs'

/** Longest test source quoted in a report: enough for a lesson check, not a whole file. */
const MAX_LINES = 60

/**
 * The source of the `test(…)` call that starts at `line` (1-based) of a test file, for the reports
 * that quote the test (exercism's `test_code`). It ends at the line that closes the call at the same
 * indentation, as formatted test files do.
 */
export function testSource(file: string, line: number | undefined): string | undefined {
  if (line === undefined) return undefined
  let lines: string[]
  try {
    lines = readFileSync(file, 'utf8').split('\n')
  } catch {
    return undefined
  }
  const first = lines[line - 1]
  if (first === undefined) return undefined
  if (netParens(first) <= 0) return first.trim()
  const indent = first.length - first.trimStart().length
  const body: string[] = [first]
  for (const next of lines.slice(line, line - 1 + MAX_LINES)) {
    body.push(next)
    const nextIndent = next.length - next.trimStart().length
    if (nextIndent === indent && /^[)}\]]/.test(next.trimStart())) break
  }
  return dedent(body).join('\n')
}

/** Opening minus closing parentheses outside string literals: above 0, the call goes on past this line. */
function netParens(line: string): number {
  const code = line.replace(/(['"`])(?:\\.|(?!\1).)*\1/g, '')
  return (code.match(/\(/g) ?? []).length - (code.match(/\)/g) ?? []).length
}

function dedent(lines: string[]): string[] {
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length))
  return lines.map((l) => l.slice(indent))
}

/** A call of the lesson's translator in a test's source: `t('key')` or `t('key', { values })`. */
const MESSAGE_CALL = /\bt\(\s*'([\w.-]+)'\s*(?:,\s*\{[^{}]*\}\s*)?\)/g

/**
 * `source` with each `t('key', …)` replaced by the message it stands for, quoted (its `{placeholders}`
 * left as they are): a report then shows what the check says, not the name of a message.
 * A key the catalog lacks stays as it was.
 * @example readableSource("program.exitCode(0, t('exitsHint'))", { exitsHint: 'Exit with 0.' }) // program.exitCode(0, "Exit with 0.")
 */
export function readableSource(source: string, messages: Readonly<Record<string, string>>): string {
  return source.replace(MESSAGE_CALL, (call, key: string) => (Object.hasOwn(messages, key) ? JSON.stringify(messages[key]) : call))
}
