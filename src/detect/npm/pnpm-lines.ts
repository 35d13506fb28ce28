/**
 * A line reader for the plain YAML pnpm writes: block mappings and sequences indented with spaces, one
 * entry a line, plain or quoted scalars, one-line flow collections (`{integrity: sha512-…}`, `[x64]`).
 * It gives what the yaml library would (the `toJS` value and the keys of the first `packages`
 * mapping), about 20 times faster on a monorepo's 2 MB lockfile. Anything else it does not guess at:
 * comments, anchors, tags, tabs, multi-line scalars, escapes, odd indentation, any character outside
 * printable ASCII all return undefined, and the caller parses the file with the yaml library.
 */

/** Where a `packages` key stands: offset and length of its text (inside the quotes when quoted). */
export interface PackageKey {
  value: string;
  offset: number;
  length: number;
}

export interface PnpmDocument {
  /** The document as yaml's `toJS` gives it; the line reader keeps only the top-level entries in READ_ENTRIES. */
  data: unknown;
  /** Keys of the first top-level `packages` entry when it is a mapping; "not-map" when it is something else. */
  packageKeys: PackageKey[] | "not-map" | undefined;
}

/** What readPnpmLock reads of the document: `packages` only for its keys, the rest is only checked. */
export const READ_ENTRIES: ReadonlySet<string> = new Set(["importers", "dependencies", "devDependencies", "optionalDependencies"]);

type Collection = Record<string, unknown> | unknown[];
interface Frame {
  indent: number;
  isSeq: boolean;
  /** Undefined inside a top-level entry that is not read. */
  target?: Collection;
  /** Collects the keys of this mapping (the first top-level `packages`). */
  keys?: PackageKey[];
}
interface Pending {
  frame: Frame;
  key: string;
  isPackages: boolean;
  isKept: boolean;
}

const OUTSIDE_SUBSET = /[^\n\x20-\x7e]/;
/** Characters that start something other than a plain scalar (YAML 1.2 c-indicator). */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;

export function readPnpmLines(text: string): PnpmDocument | undefined {
  if (OUTSIDE_SUBSET.test(text)) return undefined;
  const root: Record<string, unknown> = {};
  const stack: Frame[] = [{ indent: 0, isSeq: false, target: root }];
  let packageKeys: PnpmDocument["packageKeys"];
  let sawPackages = false;
  let pending: Pending | undefined;
  let hasContent = false;
  for (let start = 0; start < text.length; ) {
    const nl = text.indexOf("\n", start);
    const end = nl < 0 ? text.length : nl;
    const lineStart = start;
    start = end + 1;
    let indent = lineStart;
    while (indent < end && text.charCodeAt(indent) === 0x20) indent++;
    if (indent === end) continue;
    const content = text.slice(indent, end);
    indent -= lineStart;
    if (content[0] === "#" || (indent === 0 && (content.startsWith("---") || content.startsWith("...")))) return undefined;
    if (!hasContent && indent !== 0) return undefined;
    hasContent = true;

    if (pending && indent > pending.frame.indent) {
      // `key:` opened a block collection on this line.
      const isSeq = content.startsWith("- ");
      const frame: Frame = { indent, isSeq };
      if (pending.isKept) assign(pending.frame.target!, pending.key, (frame.target = isSeq ? [] : {}));
      if (pending.isPackages) packageKeys = isSeq ? "not-map" : (frame.keys = []);
      stack.push(frame);
    } else if (pending) {
      if (pending.isKept) assign(pending.frame.target!, pending.key, null);
      if (pending.isPackages) packageKeys = "not-map";
    }
    pending = undefined;
    while (stack[stack.length - 1]!.indent > indent) stack.pop();
    const top = stack[stack.length - 1]!;
    if (top.indent !== indent) return undefined;

    if (top.isSeq) {
      if (!content.startsWith("- ")) return undefined;
      const item = readValue(content, 2, false);
      if (item === NOT_READ) return undefined;
      (top.target as unknown[] | undefined)?.push(item);
      continue;
    }
    const key = readKey(content);
    if (!key) return undefined;
    if (top.keys) {
      const quoted = content[0] === "'" || content[0] === '"';
      top.keys.push({ value: key.value, offset: indent + lineStart + (quoted ? 1 : 0), length: key.rawLength - (quoted ? 2 : 0) });
    }
    const isPackages = stack.length === 1 && key.value === "packages" && !sawPackages;
    if (isPackages) sawPackages = true;
    const isKept = top.target !== undefined && (stack.length > 1 || READ_ENTRIES.has(key.value));
    let at = key.rawLength + 1;
    while (content.charCodeAt(at) === 0x20) at++;
    if (at >= content.length) {
      pending = { frame: top, key: key.value, isPackages, isKept };
      continue;
    }
    const value = readValue(content, at, true);
    if (value === NOT_READ) return undefined;
    if (isKept) assign(top.target!, key.value, value);
    if (isPackages) {
      if (!isMapping(value)) packageKeys = "not-map";
      else if (Object.keys(value).length === 0) packageKeys = [];
      else return undefined; // a flow mapping of packages: where its keys stand is not kept
    }
  }
  if (!hasContent) return undefined;
  if (pending) {
    if (pending.isKept) assign(pending.frame.target!, pending.key, null);
    if (pending.isPackages) packageKeys = "not-map";
  }
  return { data: root, packageKeys };
}

const NOT_READ = Symbol("not read");
/** The first characters of every plain scalar the core schema does not resolve to a string. */
const MAYBE_NOT_STRING = /^(?:[~nNtTfF0-9+.-]|$)/;
type Read = unknown | typeof NOT_READ;

/** A key and its `:` at the start of `content`; rawLength counts the quotes of a quoted key. */
function readKey(content: string): { value: string; rawLength: number } | undefined {
  let value: string;
  let rawLength: number;
  if (content[0] === "'" || content[0] === '"') {
    const quoted = readQuoted(content, 0);
    if (!quoted) return undefined;
    value = quoted.value;
    rawLength = quoted.end;
  } else {
    const colon = content.indexOf(":");
    if (colon <= 0) return undefined;
    value = content.slice(0, colon);
    if (INDICATOR.test(value) || /[ ,[\]{}]$|[[\]{}]| #/.test(value) || typeof resolvePlain(value) !== "string") return undefined;
    rawLength = colon;
  }
  if (content[rawLength] !== ":" || (rawLength + 1 < content.length && content[rawLength + 1] !== " ")) return undefined;
  // YAML limits implicit keys to 1024 chars; `__proto__` would need toJS's own handling.
  if (rawLength > 1000 || value === "__proto__" || value === "<<") return undefined;
  return { value, rawLength };
}

/** A block value (after `key: ` or `- `) running to the end of the line. */
function readValue(content: string, at: number, allowFlow: boolean): Read {
  const ch = content[at];
  if (ch === "'" || ch === '"') {
    const quoted = readQuoted(content, at);
    return quoted && isBlank(content, quoted.end) ? quoted.value : NOT_READ;
  }
  if (ch === "{" || ch === "[") {
    if (!allowFlow) return NOT_READ;
    const flow = readFlow(content, at);
    return flow && isBlank(content, flow.end) ? flow.value : NOT_READ;
  }
  const plain = content.slice(at).replace(/ +$/, "");
  if (plain === "" || INDICATOR.test(plain) || /: | #|:$|[[\]{}]/.test(plain)) return NOT_READ;
  return resolvePlain(plain);
}

/** `{a: b, c: 'd'}` or `[a, b]` holding scalars only, all on this line. */
function readFlow(content: string, at: number): { value: Collection; end: number } | undefined {
  const isMap = content[at] === "{";
  const close = isMap ? "}" : "]";
  const map: Record<string, unknown> = {};
  const seq: unknown[] = [];
  let i = skipSpaces(content, at + 1);
  if (content[i] === close) return { value: isMap ? map : seq, end: i + 1 };
  for (;;) {
    const first = readFlowScalar(content, i);
    if (!first) return undefined;
    i = first.end;
    if (isMap) {
      if (typeof first.value !== "string" || first.end - first.start > 1000 || first.value === "__proto__" || first.value === "<<") return undefined;
      if (content[i] !== ":" || content[i + 1] !== " ") return undefined;
      const value = readFlowScalar(content, skipSpaces(content, i + 1));
      if (!value) return undefined;
      assign(map, first.value, value.value);
      i = value.end;
    } else seq.push(first.value);
    i = skipSpaces(content, i);
    if (content[i] === close) return { value: isMap ? map : seq, end: i + 1 };
    if (content[i] !== ",") return undefined;
    i = skipSpaces(content, i + 1);
    if (content[i] === close) return undefined;
  }
}

/** A quoted scalar, or a plain one up to `,`, `: `, a bracket or a brace (trailing spaces dropped). */
function readFlowScalar(content: string, at: number): { value: unknown; start: number; end: number } | undefined {
  if (content[at] === "'" || content[at] === '"') {
    const quoted = readQuoted(content, at);
    return quoted && { value: quoted.value, start: at, end: quoted.end };
  }
  let end = at;
  while (end < content.length && !",[]{}".includes(content[end]!) && !(content[end] === ":" && (content[end + 1] === " " || end + 1 === content.length))) end++;
  const plain = content.slice(at, end).replace(/ +$/, "");
  if (plain === "" || INDICATOR.test(plain) || plain.includes(" #") || plain.endsWith(":")) return undefined;
  return { value: resolvePlain(plain), start: at, end: at + plain.length };
}

/** A single- or double-quoted scalar closed on this line; double-quoted ones only without escapes. */
function readQuoted(content: string, at: number): { value: string; end: number } | undefined {
  const quote = content[at]!;
  if (quote === '"') {
    const close = content.indexOf('"', at + 1);
    if (close < 0) return undefined;
    const value = content.slice(at + 1, close);
    return value.includes("\\") ? undefined : { value, end: close + 1 };
  }
  let i = at + 1;
  for (;;) {
    const close = content.indexOf("'", i);
    if (close < 0) return undefined;
    if (content[close + 1] !== "'") return { value: content.slice(at + 1, close).replace(/''/g, "'"), end: close + 1 };
    i = close + 2;
  }
}

/** What the YAML 1.2 core schema makes of a plain scalar (the yaml library's tests, in its order). */
function resolvePlain(text: string): unknown {
  if (!MAYBE_NOT_STRING.test(text)) return text;
  if (/^(?:~|[Nn]ull|NULL)?$/.test(text)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(text)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(text)) return false;
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8);
  if (/^[-+]?[0-9]+$/.test(text)) return parseInt(text, 10);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(text)) {
    return text.endsWith("an") || text.endsWith("aN") || text.endsWith("AN") ? NaN : text.startsWith("-") ? -Infinity : Infinity;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(text) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(text)) return parseFloat(text);
  return text;
}

/** Pending keys and flow keys always belong to a mapping; a later duplicate wins, as in toJS. */
function assign(target: Collection, key: string, value: unknown): void {
  (target as Record<string, unknown>)[key] = value;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isBlank(content: string, from: number): boolean {
  return skipSpaces(content, from) === content.length;
}

function skipSpaces(content: string, at: number): number {
  while (content[at] === " ") at++;
  return at;
}
