import { sanitizeTerminal } from "./sanitize.js";
import type { Reporter } from "./types.js";
import type { Level } from "../types.js";
import { count } from "./words.js";

const SGR: Record<Level, string> = { critical: "35", high: "31", medium: "33", low: "36", none: "2" };

/**
 * Commit-time output: one line per counted finding (`file:line: level rule model — fix`) and one
 * summary line, nothing else, so a blocked commit says exactly what to change.
 */
export const formatCompact: Reporter = (report, ctx) => {
  const paint = (level: Level, s: string) => (ctx.color ? `\x1b[${SGR[level]}m${s}\x1b[0m` : s);
  const lines: string[] = [];
  const counted = report.findings.filter((f) => !f.suppressed);
  for (const f of counted) {
    const where = f.file ? `${sanitizeTerminal(f.file)}:${f.line}` : "(project)";
    const model = f.model ?? f.provider;
    const fix = f.fix ? ` — ${sanitizeTerminal(f.fix)}` : "";
    lines.push(`${where}: ${paint(f.level, f.level)} ${f.rule}${model ? ` ${sanitizeTerminal(model)}` : ""}${fix}`);
  }
  const suppressed = report.findings.length - counted.length;
  const worst = report.summary.level ? `, project risk ${report.summary.level}` : "";
  lines.push(
    `modelrisk: ${count(counted.length, "finding")} in ${count(report.summary.files, "file")}` +
      `${suppressed ? ` (${suppressed} suppressed)` : ""}${worst}`,
  );
  return `${lines.join("\n")}\n`;
};
