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
const BASE = 37;
const EOF_SENTINEL = 65535;
const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

/** The code units that take part in the hash, each tagged with the line it starts (0 = none). */
function normalise(text: string): { units: Uint16Array; lineStarts: Uint32Array; length: number } {
  const units = new Uint16Array(text.length + 1);
  const lineStarts = new Uint32Array(text.length + 1);
  let length = 0;
  let line = 0;
  let atLineStart = true;
  let afterCr = false;
  for (let i = 0; i <= text.length; i++) {
    let unit = i === text.length ? EOF_SENTINEL : text.charCodeAt(i);
    // A CR LF pair counts once; whitespace inside a line never moves the hash.
    if (unit === SPACE || unit === TAB || (afterCr && unit === LF)) {
      afterCr = false;
      continue;
    }
    afterCr = unit === CR;
    if (unit === CR) unit = LF;
    if (atLineStart) {
      line += 1;
      lineStarts[length] = line;
      atLineStart = false;
    }
    if (unit === LF) atLineStart = true;
    units[length++] = unit;
  }
  return { units, lineStarts, length };
}

const TWO_32 = 0x1_0000_0000;

/** BASE^WINDOW mod 2^64 as two 32-bit halves, the factor that drops a unit leaving the window. */
function dropFactor(): { hi: number; lo: number } {
  const value = BigInt(BASE) ** BigInt(WINDOW) & ((1n << 64n) - 1n);
  return { hi: Number(value >> 32n), lo: Number(value & 0xffff_ffffn) };
}

/** `primaryLocationLineHash` for every line of `text`, indexed by 1-based line number. */
export function computeLineHashes(text: string): Map<number, string> {
  const { units, lineStarts, length } = normalise(text);
  const drop = dropFactor();
  const hashes = new Map<number, string>();
  const seen = new Map<string, number>();
  // The hash modulo 2^64 kept as two unsigned 32-bit halves: every intermediate product stays
  // below 2^53, so plain numbers are exact and far faster than BigInt on large files.
  let hi = 0;
  let lo = 0;
  // Roll the window over the units followed by WINDOW zeros; when the window holds the
  // 100 units that begin a line, the hash of that line is complete.
  for (let i = 0; i < length + WINDOW; i++) {
    const leaving = i >= WINDOW ? units[i - WINDOW]! : 0;
    const entering = i < length ? units[i]! : 0;
    // hash = hash * 37 + entering; `>>> 0` is an exact mod 2^32 for integers below 2^53.
    const sum = lo * BASE + entering;
    lo = sum >>> 0;
    hi = (hi * BASE + (sum - lo) / TWO_32) >>> 0;
    // hash -= drop * leaving
    if (leaving !== 0) {
      const product = drop.lo * leaving;
      const productLo = product >>> 0;
      const productHi = (Math.imul(drop.hi, leaving) + (product - productLo) / TWO_32) >>> 0;
      const diff = lo - productLo;
      lo = diff >>> 0;
      hi = (hi - productHi - (diff < 0 ? 1 : 0)) >>> 0;
    }
    const start = i - WINDOW + 1;
    const line = start >= 0 && start < length ? lineStarts[start]! : 0;
    if (line > 0) {
      const hex = hi === 0 ? lo.toString(16) : hi.toString(16) + lo.toString(16).padStart(8, "0");
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
