/**
 * Model and incident patterns come from data files, some written by users, and run against every
 * string a scan finds. They must be anchored and free of the constructs that make a backtracking
 * engine go exponential: backreferences and an unbounded quantifier over a group that itself
 * repeats or alternates (`(a+)+`, `(a|ab)*`).
 */
import { RulesError } from "./errors.js";

interface GroupState {
  /** The group holds a quantifier or an alternation, so repeating it may backtrack exponentially. */
  isRisky: boolean;
}

/** Throws a RulesError naming `where` when `source` is unanchored, a backreference or a nested quantifier. */
export function assertSafePattern(source: string, where: string): void {
  if (!source.startsWith("^") || !source.endsWith("$") || source.endsWith("\\$")) {
    throw new RulesError(`${where}: pattern must be anchored with ^ and $: ${source}`);
  }
  if (/\\[1-9]|\\k</.test(source)) {
    throw new RulesError(`${where}: pattern must not use backreferences: ${source}`);
  }
  const stack: GroupState[] = [{ isRisky: false }];
  let lastGroupRisky = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === "\\") { i++; lastGroupRisky = false; continue; }
    if (ch === "[") { i = skipClass(source, i); lastGroupRisky = false; continue; }
    if (ch === "(") {
      stack.push({ isRisky: false });
      lastGroupRisky = false;
      // `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`, `(?<name>`: the `?` opens the group, it does not quantify.
      if (source[i + 1] === "?") i = skipGroupPrefix(source, i + 1);
      continue;
    }
    if (ch === ")") {
      const closed = stack.pop();
      if (!closed || stack.length === 0) throw new RulesError(`${where}: unbalanced parentheses in pattern: ${source}`);
      lastGroupRisky = closed.isRisky;
      continue;
    }
    const quantifier = readQuantifier(source, i);
    if (quantifier) {
      if (quantifier.isUnbounded && lastGroupRisky) {
        throw new RulesError(`${where}: pattern has a nested quantifier (not linear-time): ${source}`);
      }
      stack[stack.length - 1]!.isRisky = true;
      i = quantifier.end;
      lastGroupRisky = false;
      continue;
    }
    if (ch === "|") stack[stack.length - 1]!.isRisky = true;
    lastGroupRisky = false;
  }
  if (stack.length !== 1) throw new RulesError(`${where}: unbalanced parentheses in pattern: ${source}`);
}

/** Compiles a checked pattern; invalid syntax becomes a RulesError too. */
export function compilePattern(source: string, where: string, isCaseInsensitive: boolean): RegExp {
  assertSafePattern(source, where);
  try {
    return new RegExp(source, isCaseInsensitive ? "iu" : "u");
  } catch (error) {
    throw new RulesError(`${where}: invalid pattern ${source}: ${(error as Error).message}`);
  }
}

function skipGroupPrefix(source: string, question: number): number {
  const next = source[question + 1];
  if (next === "<" && source[question + 2] !== "=" && source[question + 2] !== "!") {
    const close = source.indexOf(">", question);
    return close === -1 ? question : close;
  }
  return next === "<" ? question + 2 : question + 1;
}

function skipClass(source: string, start: number): number {
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === "\\") i++;
    else if (source[i] === "]" && i > start + 1) return i;
  }
  return source.length;
}

function readQuantifier(source: string, i: number): { isUnbounded: boolean; end: number } | undefined {
  const ch = source[i];
  const lazy = (end: number): number => (source[end + 1] === "?" ? end + 1 : end);
  if (ch === "*" || ch === "+") return { isUnbounded: true, end: lazy(i) };
  if (ch === "?") return { isUnbounded: false, end: i };
  if (ch !== "{") return undefined;
  const match = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
  if (!match) return undefined;
  const max = match[2] === undefined ? Number(match[1]) : match[3] === "" ? Infinity : Number(match[3]);
  return { isUnbounded: max > 1, end: lazy(i + match[0].length - 1) };
}
