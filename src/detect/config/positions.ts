import type { Span } from "../../types.js";

/** Turns string offsets into 1-based line/column spans (UTF-16 columns, end exclusive), as editors count them. */
export type Locate = (start: number, end: number) => Span;

export function createLocator(text: string): Locate {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  const point = (offset: number): [number, number] => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [lo + 1, offset - starts[lo]! + 1];
  };
  return (start, end) => {
    const [line, column] = point(start);
    const [endLine, endColumn] = point(end);
    return { line, column, endLine, endColumn };
  };
}

/** The last path segment, so `a/b/Dockerfile.gpu` → `Dockerfile.gpu`. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}
