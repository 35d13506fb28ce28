import type { Span } from "../../types.js";
import { buildLineTable, positionAt } from "../lines.js";

/** Turns string offsets into 1-based line/column spans (UTF-16 columns, end exclusive), as editors count them. */
export type Locate = (start: number, end: number) => Span;

export function createLocator(text: string): Locate {
  const table = buildLineTable(text);
  return (start, end) => {
    const a = positionAt(table, start);
    const b = positionAt(table, end);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  };
}

export { baseName } from "../paths.js";
