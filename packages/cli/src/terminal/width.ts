// Wide (East Asian) characters take two columns in a terminal: CJK ideographs, kana, Hangul, full-width forms.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u

/** How many terminal columns `text` takes. */
export function displayWidth(text: string): number {
  let width = 0
  for (const char of text) width += WIDE.test(char) ? 2 : 1
  return width
}

/**
 * Pads `text` with spaces to `width` terminal columns, so that columns line up in both languages.
 * @example padEnd('进度', 6) // '进度  '
 */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)))
}

/** Lines of `label  value`, with the labels padded to the widest. */
export function labelled(rows: [label: string, value: string][], indent = '  '): string {
  const width = Math.max(0, ...rows.map(([label]) => displayWidth(label)))
  return rows.map(([label, value]) => `${indent}${padEnd(label, width)}  ${value}`).join('\n')
}
