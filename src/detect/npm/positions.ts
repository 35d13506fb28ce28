import type { Span } from "../../types.js";
import { buildLineTable, positionAt, type LineTable } from "../lines.js";

/**
 * Maps string offsets to 1-based line/column (UTF-16 code units, as string indexes count them).
 * The table is built once per file, on the first span asked for (most manifests and lockfiles hold
 * no AI SDK), so locating thousands of lockfile entries stays a binary search each.
 */
export class LineIndex {
  private table: LineTable | undefined;

  constructor(readonly text: string) {}

  /** Span of `length` code units starting at `offset` (a name never crosses a line). */
  span(offset: number, length: number): Span {
    this.table ??= buildLineTable(this.text);
    const { line, column } = positionAt(this.table, offset);
    return { line, column, endLine: line, endColumn: column + length };
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
