/**
 * A small POSIX-shell word splitter that keeps offsets, for Dockerfile RUN/CMD lines, shell scripts,
 * Makefile recipes and compose `command:` strings. It never evaluates anything: `$VAR`, `${…}` and
 * `$(…)` stay in the word as written.
 */

export interface Word {
  /** Offsets of the raw word in the scanned text. */
  start: number;
  end: number;
  /** The word after quote removal. */
  value: string;
}

/** A command: the words between separators (newline, `;`, `&&`, `||`, `|`, `&`, parentheses). */
export type Command = Word[];

const BLANK = new Set([" ", "\t", "\r", "\f", "\v"]);
const SEPARATOR = new Set(["\n", ";", "&", "|", "(", ")"]);

export function splitCommands(text: string, from = 0, to = text.length): Command[] {
  const commands: Command[] = [];
  let current: Command = [];
  let i = from;
  // After `\` + newline, a whole-line comment does not end the command (Dockerfile RUN rule).
  let isContinued = false;
  const flush = () => {
    if (current.length > 0) commands.push(current);
    current = [];
  };
  while (i < to) {
    const ch = text[i]!;
    if (BLANK.has(ch) || ch === "<" || ch === ">") {
      i++;
    } else if (ch === "\\" && (text[i + 1] === "\n" || text[i + 1] === "\r")) {
      // Line continuation (LF, CRLF or a lone CR, which readWord also stops at): the command goes on.
      i += text[i + 1] === "\r" && text[i + 2] === "\n" ? 3 : 2;
      isContinued = true;
    } else if (SEPARATOR.has(ch)) {
      flush();
      isContinued = false;
      i++;
    } else if (ch === "#") {
      while (i < to && text[i] !== "\n") i++;
      if (isContinued) i++;
    } else {
      isContinued = false;
      const word = readWord(text, i, to);
      current.push(word);
      i = Math.max(word.end, i + 1); // always advance: an empty word here once looped until out of memory
    }
  }
  flush();
  return commands;
}

/** Reads one word starting at `start`; stops at a blank, a separator or `to`. */
export function readWord(text: string, start: number, to = text.length): Word {
  let i = start;
  let value = "";
  while (i < to) {
    const ch = text[i]!;
    if (BLANK.has(ch) || SEPARATOR.has(ch) || ch === "<" || ch === ">") break;
    if (ch === "\\") {
      if (text[i + 1] === "\n" || text[i + 1] === "\r") break;
      value += text[i + 1] ?? "";
      i += 2;
    } else if (ch === "'") {
      const close = indexOrEnd(text, "'", i + 1, to);
      value += text.slice(i + 1, close);
      i = close + 1;
    } else if (ch === '"') {
      i++;
      while (i < to && text[i] !== '"') {
        if (text[i] === "\\" && i + 1 < to && '"\\$`\n'.includes(text[i + 1]!)) i++;
        value += text[i];
        i++;
      }
      i++;
    } else if (ch === "$" && (text[i + 1] === "{" || text[i + 1] === "(")) {
      const close = matchBracket(text, i + 1, to);
      value += text.slice(i, close + 1);
      i = close + 1;
    } else {
      value += ch;
      i++;
    }
  }
  return { start, end: Math.min(i, to), value };
}

function indexOrEnd(text: string, needle: string, from: number, to: number): number {
  const at = text.indexOf(needle, from);
  return at === -1 || at >= to ? to : at;
}

function matchBracket(text: string, open: number, to: number): number {
  const opener = text[open]!;
  const closer = opener === "{" ? "}" : ")";
  let depth = 0;
  for (let i = open; i < to; i++) {
    if (text[i] === opener) depth++;
    else if (text[i] === closer && --depth === 0) return i;
    else if (text[i] === "\n" && opener === "{") return i - 1;
  }
  return to - 1;
}

/**
 * Where the content of a raw value sits, without its quotes: `"x"` → inside the quotes. When quote
 * removal changed the text (escapes, mixed quoting), the whole raw range stands for the value.
 */
export function contentRange(text: string, start: number, end: number, value: string): { start: number; end: number } {
  const raw = text.slice(start, end);
  const first = raw[0];
  if ((first === '"' || first === "'") && raw.length >= 2 && raw.endsWith(first) && raw.slice(1, -1) === value) {
    return { start: start + 1, end: end - 1 };
  }
  return { start, end };
}
