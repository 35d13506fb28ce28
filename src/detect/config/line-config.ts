import type { CommandScanner } from "./commands.js";

/** `KEY=value`, `export KEY="value"` (dotenv). */
const ENV_LINE = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][\w.-]*)[ \t]*=[ \t]*/;
/** `key = value`, `key: value` (ini, cfg, properties). */
const INI_LINE = /^[ \t]*([^\s=:#;[][^=:]*?)[ \t]*[=:][ \t]*/;

/**
 * Line-based config: `.env*` files and ini-like `.cfg`/`.ini`/`.properties`. Quoted values keep their
 * quotes out of the span; an unquoted value ends at an inline ` #` comment.
 */
export function scanLines(text: string, scanner: CommandScanner, kind: "env" | "ini"): void {
  const pattern = kind === "env" ? ENV_LINE : INI_LINE;
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf("\n", start);
    const end = nl === -1 ? text.length : nl;
    const line = text.slice(start, end);
    const match = /^\s*[#;!]/.test(line) ? null : pattern.exec(line);
    if (match) {
      const valueStart = start + match[0].length;
      const [rawEnd, value] = readValue(text.slice(valueStart, end), kind);
      scanner.assign(match[1]!, valueStart, valueStart + rawEnd, value);
    }
    if (nl === -1) break;
    start = nl + 1;
  }
}

/** The raw length and decoded text of a value. */
function readValue(rest: string, kind: "env" | "ini"): [number, string] {
  const quote = rest[0];
  if (quote === '"' || quote === "'") {
    const close = rest.indexOf(quote, 1);
    if (close !== -1) {
      const inner = rest.slice(1, close);
      return [close + 1, quote === '"' ? inner.replace(/\\(["\\$])/g, "$1") : inner];
    }
  }
  const comment = kind === "env" ? /\s+#.*$/ : /\s+[#;].*$/;
  const value = rest.replace(/\r$/, "").replace(comment, "").trimEnd();
  return [value.length, value];
}
