/** Offsets → 1-based line and UTF-16 column, and the parts of a Python string literal. */

export interface LineTable {
  starts: number[];
}

export function buildLineTable(text: string): LineTable {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // \r\n counts once; a lone \r is a line break too, as editors show it.
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

export interface StringParts {
  prefix: string;
  /** Offsets of the characters between the quotes. */
  contentFrom: number;
  contentTo: number;
  isRaw: boolean;
  isBytes: boolean;
  isFormat: boolean;
}

/** Splits `rb'''x'''` into prefix, quotes and content offsets; `from` is the node start in the file. */
export function splitStringLiteral(literal: string, from: number): StringParts | undefined {
  const match = /^([rRbBuUfF]{0,2})('''|"""|'|")/.exec(literal);
  if (!match) return undefined;
  const prefix = match[1]!.toLowerCase();
  const quote = match[2]!;
  const head = match[0].length;
  const tail = literal.endsWith(quote) && literal.length >= head + quote.length ? quote.length : 0;
  return {
    prefix,
    contentFrom: from + head,
    contentTo: from + literal.length - tail,
    isRaw: prefix.includes("r"),
    isBytes: prefix.includes("b"),
    isFormat: prefix.includes("f"),
  };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: "\n", t: "\t", r: "\r", "\\": "\\", "'": "'", '"': '"', "0": "\0", a: "\x07", b: "\b", f: "\f", v: "\v",
};

/** Decodes the escapes of a non-raw literal's content; model ids rarely have any, but `\\` in a path might. */
export function decodeEscapes(content: string): string {
  return content.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|\n|.)/g, (all, esc: string) => {
    if (esc === "\n") return "";
    if (/^[xuU]/.test(esc) && esc.length > 1) return String.fromCodePoint(parseInt(esc.slice(1), 16));
    return SIMPLE_ESCAPES[esc] ?? all;
  });
}
