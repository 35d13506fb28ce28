/**
 * Fingerprints that keep GitHub code-scanning alerts stable across commits.
 *
 * `primaryLocationLineHash` follows the algorithm GitHub documents for upload-sarif
 * (re-implemented from its description, see docs/github-code-scanning.md): line endings
 * normalised to `\n`, spaces and tabs dropped, and for every line the next 100 UTF-16
 * code units (newlines included, then an end-of-file sentinel 65535 and zeros) hashed as a
 * base-37 polynomial modulo 2^64. The value is the unsigned hex hash, `:`, and how many times
 * that hash has occurred so far in the file, so identical lines stay distinguishable.
 */
import { createHash } from "node:crypto";

const WINDOW = 100;
const BASE = 37n;
const EOF_SENTINEL = 65535;
const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

/** The code units that take part in the hash, each tagged with the line it starts (0 = none). */
function normalise(text: string): { units: number[]; lineStarts: number[] } {
  const units: number[] = [];
  const lineStarts: number[] = [];
  let line = 0;
  let atLineStart = true;
  let afterCr = false;
  const push = (unit: number): void => {
    if (atLineStart) {
      line += 1;
      lineStarts.push(line);
      atLineStart = false;
    } else {
      lineStarts.push(0);
    }
    if (unit === LF) atLineStart = true;
    units.push(unit);
  };
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A CR LF pair counts once; whitespace inside a line never moves the hash.
    if (unit === SPACE || unit === TAB || (afterCr && unit === LF)) {
      afterCr = false;
      continue;
    }
    afterCr = unit === CR;
    push(unit === CR ? LF : unit);
  }
  push(EOF_SENTINEL);
  return { units, lineStarts };
}

/** `primaryLocationLineHash` for every line of `text`, indexed by 1-based line number. */
export function computeLineHashes(text: string): Map<number, string> {
  const { units, lineStarts } = normalise(text);
  const mask = (1n << 64n) - 1n;
  const dropFactor = BASE ** BigInt(WINDOW) & mask;
  const hashes = new Map<number, string>();
  const seen = new Map<string, number>();
  let hash = 0n;
  // Roll the window over the units followed by WINDOW zeros; when the window holds the
  // 100 units that begin a line, the hash of that line is complete.
  for (let i = 0; i < units.length + WINDOW; i++) {
    const leaving = i >= WINDOW ? (units[i - WINDOW] ?? 0) : 0;
    const entering = units[i] ?? 0;
    hash = (hash * BASE + BigInt(entering) - dropFactor * BigInt(leaving)) & mask;
    const start = i - WINDOW + 1;
    const line = start >= 0 ? (lineStarts[start] ?? 0) : 0;
    if (line > 0) {
      const hex = hash.toString(16);
      const count = (seen.get(hex) ?? 0) + 1;
      seen.set(hex, count);
      hashes.set(line, `${hex}:${count}`);
    }
  }
  return hashes;
}

/**
 * The tool's own fingerprint (`modelrisk/v1`): rule, model (case-folded) and path, so the
 * same problem keeps its identity when lines move. Repeats get an occurrence suffix.
 */
export function computeModelriskFingerprint(rule: string, subject: string, uri: string): string {
  return createHash("sha256").update(`${rule}\0${subject.toLowerCase()}\0${uri}`).digest("hex").slice(0, 32);
}
