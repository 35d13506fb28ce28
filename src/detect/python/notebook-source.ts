/**
 * Where each code cell's `source` strings stand in the `.ipynb` text. JSON.parse drops positions, so a
 * small scanner walks the (already validated) JSON and records the raw span of every string under
 * `cells[i].source`, then maps an offset in the decoded cell code back to the file offset, escapes included.
 */

export interface SourceToken {
  cell: number;
  /** File offsets of the characters between the quotes. */
  rawFrom: number;
  rawTo: number;
  /** Offset of this token's first decoded character in the joined cell code. */
  codeFrom: number;
  decoded: string;
}

type Frame = { kind: "object"; key?: string; expectKey: boolean } | { kind: "array"; index: number };

/** Strings at `cells.<i>.source` or `cells.<i>.source.<j>`, in file order, grouped by cell index. */
export function scanSourceStrings(json: string): Map<number, SourceToken[]> {
  const byCell = new Map<number, SourceToken[]>();
  const stack: Frame[] = [];
  let i = 0;
  while (i < json.length) {
    const c = json[i]!;
    if (c === "{") stack.push({ kind: "object", expectKey: true });
    else if (c === "[") stack.push({ kind: "array", index: 0 });
    else if (c === "}" || c === "]") stack.pop();
    else if (c === ",") {
      const top = stack[stack.length - 1];
      if (top?.kind === "array") top.index++;
      else if (top) top.expectKey = true;
    } else if (c === '"') {
      const end = endOfString(json, i + 1);
      const top = stack[stack.length - 1];
      if (top?.kind === "object" && top.expectKey) {
        top.key = JSON.parse(json.slice(i, end + 1)) as string;
        top.expectKey = false;
      } else {
        const cell = sourceCellIndex(stack);
        if (cell !== undefined) {
          const list = byCell.get(cell) ?? [];
          const decoded = JSON.parse(json.slice(i, end + 1)) as string;
          const previous = list[list.length - 1];
          const codeFrom = previous ? previous.codeFrom + previous.decoded.length : 0;
          list.push({ cell, rawFrom: i + 1, rawTo: end, codeFrom, decoded });
          byCell.set(cell, list);
        }
      }
      i = end;
    }
    i++;
  }
  return byCell;
}

function endOfString(json: string, from: number): number {
  for (let i = from; i < json.length; i++) {
    if (json[i] === "\\") i++;
    else if (json[i] === '"') return i;
  }
  return json.length;
}

/** The cell index when the stack is exactly root object → "cells" array → cell object → "source" (→ array). */
function sourceCellIndex(stack: Frame[]): number | undefined {
  const [root, cells, cell, source] = stack;
  if (root?.kind !== "object" || root.key !== "cells" || cells?.kind !== "array") return undefined;
  if (cell?.kind !== "object" || cell.key !== "source") return undefined;
  if (stack.length === 3) return cells.index;
  if (stack.length === 4 && source?.kind === "array") return cells.index;
  return undefined;
}

/**
 * File offset of the code offset `offset` (0-based in the joined cell code). An end offset that falls on
 * a token boundary stays in the earlier token, so a span never stretches over the JSON between lines.
 */
export function fileOffsetFor(tokens: readonly SourceToken[], json: string, offset: number, isEnd = false): number {
  const end = (t: SourceToken) => t.codeFrom + t.decoded.length;
  let token = tokens.find((t) => (isEnd ? offset > t.codeFrom && offset <= end(t) : offset >= t.codeFrom && offset < end(t)));
  token ??= tokens[tokens.length - 1];
  if (!token) return 0;
  let units = offset - token.codeFrom;
  let raw = token.rawFrom;
  while (units > 0 && raw < token.rawTo) {
    // One decoded UTF-16 unit per raw char, per two-char escape, or per six-char \uXXXX escape.
    raw += json[raw] !== "\\" ? 1 : json[raw + 1] === "u" ? 6 : 2;
    units--;
  }
  return raw;
}
