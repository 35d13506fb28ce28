/**
 * Offsets → 1-based lines and UTF-16 columns, as editors and SARIF count them: `\r\n` ends a line
 * once, and a lone `\r` or `\n` ends one too. Every detector locates what it finds through this.
 */
export interface LineTable {
  starts: number[];
}

export function buildLineTable(text: string): LineTable {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return { starts };
}

/** JS string offsets are UTF-16 code units already, so the column is a plain difference. */
export function positionAt(table: LineTable, offset: number): { line: number; column: number } {
  const { starts } = table;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}
