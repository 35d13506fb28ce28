import type { Detector, DetectContext, Mention, SourceFile } from "../types.js";
import { CommandScanner } from "./config/commands.js";
import { hitsToMentions } from "./config/hits.js";
import { baseName } from "./config/positions.js";
import { isShellScript, MAKEFILE } from "./paths.js";
import { splitCommands } from "./config/shell-words.js";

/** `MODEL ?= x`, `export MODEL := x`, `override MODEL = x` (make's assignment forms). */
const MAKE_ASSIGNMENT = /^(?:(?:export|override)[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*(?:\?|::?|\+|!)?=[ \t]*/;

/**
 * Shell scripts and Makefiles: `ollama pull`, `vllm serve`, `huggingface-cli download`, `--model X`,
 * `export MODEL_NAME=X`. Makefiles are included because ML projects keep their serve/train recipes there.
 */
export const shellDetector: Detector = {
  name: "shell",
  accepts: isShellScript,
  detect(files: readonly SourceFile[], ctx: DetectContext): Mention[] {
    const out: Mention[] = [];
    for (const file of files) {
      const scanner = new CommandScanner(file.text, ctx);
      if (MAKEFILE.test(baseName(file.path))) scanMakefile(file.text, scanner);
      else for (const command of splitCommands(file.text)) scanner.scanCommand(command);
      out.push(...hitsToMentions(file.path, file.text, scanner.hits, "shell"));
    }
    return out;
  },
};

/** Make assignments are not shell: read them by line; every other line (recipes) is shell. */
function scanMakefile(text: string, scanner: CommandScanner): void {
  let start = 0;
  while (start < text.length) {
    let end = start;
    // A logical line runs on while a physical line ends with a backslash.
    for (;;) {
      const nl = text.indexOf("\n", end);
      end = nl === -1 ? text.length : nl;
      if (nl === -1 || !/\\\r?$/.test(text.slice(start, end))) break;
      end = nl + 1;
    }
    const line = text.slice(start, end);
    const assignment = line.startsWith("\t") ? null : MAKE_ASSIGNMENT.exec(line);
    if (assignment) {
      const valueStart = start + assignment[0].length;
      const raw = text.slice(valueStart, end).replace(/\s+#.*$|\s+$/s, "");
      scanner.assign(assignment[1]!, valueStart, valueStart + raw.length, raw);
    } else if (!/^\s*#/.test(line)) {
      for (const command of splitCommands(text, start, end)) scanner.scanCommand(command);
    }
    start = end + 1;
  }
}
