/**
 * Strings from scanned files (model ids, paths, config values) are attacker-controlled: a repository
 * can hide `ESC]0;…` (retitle the window), `ESC[2J` (clear the screen), OSC 8 links or bidi overrides
 * in a model id. Everything a terminal would interpret is removed before the text reaches a reporter.
 */

// Each alternative is one kind of sequence, as ECMA-48 / xterm define them; unterminated strings run
// to the end of the text, which is where a terminal would also stop reading them.
const SEQUENCE = new RegExp(
  [
    // CSI: ESC [ or 8-bit 0x9B, parameter bytes, intermediate bytes, one final byte.
    String.raw`(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?`,
    // OSC: ESC ] or 0x9D, ended by BEL, ST (ESC \) or 8-bit ST (0x9C).
    String.raw`(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?`,
    // DCS, SOS, PM, APC (7-bit and 8-bit), ended by ST.
    String.raw`(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)?`,
    // Other escapes: ESC, optional intermediates (charset selection `ESC ( B`), one final byte.
    String.raw`\x1b[\x20-\x2f]*[\x30-\x7e]?`,
  ].join("|"),
  "g",
);

/** Tab, newlines and Unicode line separators would break a one-line layout: they become a space. */
const LINE_BREAKING = /[\t\n\v\f\r\u0085\u2028\u2029]/g;

/** C0, DEL, C1, bidi embeddings/overrides/isolates and the implicit bidi marks. */
const CONTROL = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text safe to print in a terminal: no control characters, escape sequences or bidi overrides. */
export function sanitizeTerminal(s: string): string {
  if (!needsSanitizing(s)) return s;
  return s.replace(SEQUENCE, "").replace(LINE_BREAKING, " ").replace(CONTROL, "");
}

/** Fast path: almost every string is plain, so skip the three replacements for it. */
function needsSanitizing(s: string): boolean {
  CONTROL.lastIndex = 0;
  LINE_BREAKING.lastIndex = 0;
  return CONTROL.test(s) || LINE_BREAKING.test(s);
}

/**
 * A deep copy of plain report data with every string (values and record keys) sanitized. Reporters
 * call it once at their entry, so no field read later can be forgotten.
 */
export function sanitizeReport<T>(value: T): T {
  return sanitizeValue(value) as T;
}

function sanitizeValue(value: unknown): unknown {
  if (typeof value === "string") return sanitizeTerminal(value);
  if (Array.isArray(value)) return value.map(sanitizeValue);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [sanitizeTerminal(k), sanitizeValue(v)]));
  }
  return value;
}
