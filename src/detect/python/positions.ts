/** Offsets → 1-based line and UTF-16 column, and the parts of a Python string literal. */

export { buildLineTable, positionAt, type LineTable } from "../lines.js";

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
