import type { Span } from "../../types.js";

/** Turns string offsets into 1-based line/column spans (UTF-16 columns, end exclusive), as editors count them. */
export type Locate = (start: number, end: number) => Span;

export function createLocator(text: string): Locate {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // \r\n counts once; a lone \r ends a line too, as editors and the Python detector count it.
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
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
