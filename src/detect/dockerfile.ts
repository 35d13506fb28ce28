import type { Detector, DetectContext, Mention, SourceFile } from "../types.js";
import { CommandScanner } from "./config/commands.js";
import { hitsToMentions } from "./config/hits.js";
import { isDockerfile } from "./paths.js";
import { readWord, splitCommands, type Word } from "./config/shell-words.js";

const SHELL_FORM = new Set(["RUN", "CMD", "ENTRYPOINT"]);
const VARIABLES = new Set(["ENV", "ARG"]);
const INSTRUCTIONS = new Set([
  "FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME",
  "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL",
]);
const JSON_STRING = /"(?:[^"\\\n]|\\.)*"/g;

/**
 * Dockerfiles and Containerfiles: `ENV MODEL=X`, `ARG MODEL_ID=X`, and the commands of RUN/CMD/ENTRYPOINT
 * in shell or exec (JSON) form. Compose files are YAML and belong to the config detector.
 */
export const dockerfileDetector: Detector = {
  name: "dockerfile",
  accepts: isDockerfile,
  detect(files: readonly SourceFile[], ctx: DetectContext): Mention[] {
    const out: Mention[] = [];
    for (const file of files) {
      const scanner = new CommandScanner(file.text, ctx);
      for (const [start, end] of instructions(file.text)) scanInstruction(file.text, start, end, scanner);
      out.push(...hitsToMentions(file.path, file.text, scanner.hits, "dockerfile"));
    }
    return out;
  },
};

/** [start, end) of each instruction, continuation lines joined; comment lines stand alone. */
function* instructions(text: string): Generator<[number, number]> {
  let start = 0;
  while (start < text.length) {
    let end = start;
    let lineStart = start;
    for (;;) {
      const nl = text.indexOf("\n", end);
      end = nl === -1 ? text.length : nl;
      const line = text.slice(lineStart, end);
      // Inside a continued instruction, comment lines are dropped and the instruction goes on.
      const goesOn = /\\[ \t]*\r?$/.test(line) || (lineStart > start && /^\s*#/.test(line));
      if (nl === -1 || (lineStart === start && /^\s*#/.test(line)) || !goesOn) break;
      end = nl + 1;
      lineStart = end;
    }
    if (!/^\s*#/.test(text.slice(start, end))) yield [start, end];
    start = end + 1;
  }
}

function scanInstruction(text: string, start: number, end: number, scanner: CommandScanner): void {
  const keywordMatch = /^\s*([A-Za-z]+)\s*/.exec(text.slice(start, end));
  const keyword = keywordMatch?.[1]?.toUpperCase() ?? "";
  // Not an instruction: a heredoc body line (`RUN <<EOF … EOF`), which is shell.
  if (!INSTRUCTIONS.has(keyword)) {
    for (const command of splitCommands(text, start, end)) scanner.scanCommand(command);
    return;
  }
  const argsStart = start + keywordMatch![0].length;
  if (VARIABLES.has(keyword)) return scanVariables(text, argsStart, end, scanner);
  if (!SHELL_FORM.has(keyword)) return;
  if (text[argsStart] === "[") {
    scanner.scanCommand(execForm(text, argsStart, end));
  } else {
    for (const command of splitCommands(text, argsStart, end)) scanner.scanCommand(command);
  }
}

/** `ENV A=1 B=2`, `ARG A=1`, or the legacy `ENV NAME value with spaces`. */
function scanVariables(text: string, from: number, to: number, scanner: CommandScanner): void {
  const words = splitCommands(text, from, to).flat();
  if (words.length === 0) return;
  if (words.some((w) => w.value.includes("="))) {
    for (const word of words) if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(word.value)) scanner.assignWord(word);
    return;
  }
  const name = words[0]!.value;
  const first = words[1];
  if (!first) return;
  const last = words[words.length - 1]!;
  const value = words.length === 2 ? readWord(text, first.start, first.end).value : text.slice(first.start, last.end);
  scanner.assign(name, first.start, last.end, value);
}

/** `CMD ["vllm", "serve", "org/name"]`: each JSON string is one word. */
function execForm(text: string, from: number, to: number): Word[] {
  const words: Word[] = [];
  for (const match of text.slice(from, to).matchAll(JSON_STRING)) {
    let value: string;
    try {
      value = JSON.parse(match[0]) as string;
    } catch {
      continue;
    }
    const start = from + match.index;
    words.push({ start, end: start + match[0].length, value });
  }
  return words;
}
