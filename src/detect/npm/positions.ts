import type { Span } from "../../types.js";

/**
 * Maps string offsets to 1-based line/column (UTF-16 code units, as string indexes count them).
 * Built once per file so locating thousands of lockfile entries stays a binary search each.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // \r\n counts once; a lone \r ends a line too, as editors count it.
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  /** Span of `length` code units starting at `offset` (a name never crosses a line). */
  span(offset: number, length: number): Span {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const column = offset - this.starts[lo]! + 1;
    return { line: lo + 1, column, endLine: lo + 1, endColumn: column + length };
  }
}

/** Offset of the first char inside the quotes of a JSON key `"key":`, searching from `from`. */
export function findJsonKey(text: string, key: string, from = 0): number | undefined {
  const quoted = JSON.stringify(key);
  for (let i = text.indexOf(quoted, from); i >= 0; i = text.indexOf(quoted, i + 1)) {
    let j = i + quoted.length;
    while (j < text.length && (text[j] === " " || text[j] === "\t" || text[j] === "\r" || text[j] === "\n")) j++;
    if (text[j] === ":") return i + 1;
  }
  return undefined;
}
