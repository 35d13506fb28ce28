import type { CommandScanner } from "./commands.js";

/** smol-toml, loaded only by scans that meet a TOML file (`loadToml`); most pre-commit runs do not. */
let parse: ((text: string) => unknown) | undefined;

export async function loadToml(): Promise<void> {
  parse ??= (await import("smol-toml")).parse;
}

const SEGMENT = String.raw`(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')`;
/** A (dotted) key and its `=`, anchored where the scan stands. */
const KEY = new RegExp(String.raw`[ \t]*(${SEGMENT}(?:[ \t]*\.[ \t]*${SEGMENT})*)[ \t]*=`, "y");
const LAST_SEGMENT = new RegExp(`${SEGMENT}$`);

/**
 * TOML: smol-toml checks the file is valid (it keeps no positions), then a small scanner walks the text
 * and gives each string literal to the scanner with the key it belongs to — the line's key, or the
 * key inside an inline table — so positions come from the text itself.
 */
export function scanToml(text: string, scanner: CommandScanner): string | undefined {
  if (!parse) throw new Error("scanToml before loadToml");
  try {
    parse(text);
  } catch (error) {
    return String(error instanceof Error ? error.message : error).split("\n")[0]!.replace(/^Invalid TOML document: /, "");
  }
  const keys: (string | undefined)[] = [undefined];
  let i = 0;
  let expectKey = true;
  let arrays = 0; // open `[` of values: a multi-line array keeps its key across lines
  while (i < text.length) {
    const ch = text[i]!;
    if (expectKey && keys.length === 1 && ch === "[") {
      i = lineEnd(text, i); // a table header: [server] or [[models]]
      continue;
    }
    if (expectKey) {
      KEY.lastIndex = i;
      const key = KEY.exec(text);
      if (key) {
        keys[keys.length - 1] = unquote(LAST_SEGMENT.exec(key[1]!)![0]);
        i = KEY.lastIndex;
        expectKey = false;
        continue;
      }
    }
    if (ch === "#") i = lineEnd(text, i);
    else if (ch === '"' || ch === "'") i = readString(text, i, keys[keys.length - 1], scanner);
    else if (ch === "{") {
      keys.push(undefined);
      expectKey = true;
      i++;
    } else if (ch === "}") {
      if (keys.length > 1) keys.pop();
      i++;
    } else if (ch === "," && keys.length > 1) {
      expectKey = true;
      i++;
    } else if (ch === "[") {
      arrays++;
      i++;
    } else if (ch === "]") {
      arrays = Math.max(0, arrays - 1);
      i++;
    } else if (ch === "\n") {
      if (keys.length === 1 && arrays === 0) {
        keys[0] = undefined;
        expectKey = true;
      }
      i++;
    } else i++;
  }
  return undefined;
}

/** Reads the string at `i`, reports it, returns the offset after it. */
function readString(text: string, i: number, key: string | undefined, scanner: CommandScanner): number {
  const quote = text[i]!;
  if (text.startsWith(quote.repeat(3), i)) {
    const close = text.indexOf(quote.repeat(3), i + 3);
    return close === -1 ? text.length : close + 3; // multi-line strings hold prose, not model ids
  }
  let j = i + 1;
  while (j < text.length && text[j] !== quote && text[j] !== "\n") j += quote === '"' && text[j] === "\\" ? 2 : 1;
  const raw = text.slice(i, j + 1);
  scanner.assign(key, i, j + 1, quote === "'" ? raw.slice(1, -1) : decodeBasic(raw));
  return j + 1;
}

function decodeBasic(raw: string): string {
  try {
    return JSON.parse(raw.replace(/\\U([0-9A-Fa-f]{8})/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))) as string;
  } catch {
    return raw.slice(1, -1);
  }
}

function unquote(segment: string): string {
  return /^["']/.test(segment) ? segment.slice(1, -1) : segment;
}

function lineEnd(text: string, i: number): number {
  const nl = text.indexOf("\n", i);
  return nl === -1 ? text.length : nl;
}
