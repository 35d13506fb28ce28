/**
 * `--format markdown`: a short summary for pull requests and `$GITHUB_STEP_SUMMARY`. Every
 * string that can come from scanned code is escaped, and the output stays under GitHub's
 * 1 MiB step-summary limit with an explicit line saying what was left out.
 */
import type { Finding, Level, Report, ReportModel } from "../types.js";
import type { Reporter, ReportContext } from "./types.js";
import { describeFinding } from "./sarif/text.js";
import { count } from "./words.js";

/** GitHub drops a step summary over 1024 KiB ("supports content up to a size of 1024k"). */
export const STEP_SUMMARY_LIMIT_BYTES = 1024 * 1024;
const TOP_RISKS = 5;
const MAX_TEXT = 300;

/** Code-unit order: the same on every machine, unlike localeCompare. */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const RANK: Record<Level, number> = { critical: 4, high: 3, medium: 2, low: 1, none: 0 };

/**
 * Plain text safe inside Markdown and GFM tables: no HTML, no links, images, mentions,
 * emphasis, headings or list markers, and no line breaks that would end a table row.
 */
export function escapeMarkdown(text: string, max = MAX_TEXT): string {
  let flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ").trim();
  if (flat.length > max) flat = `${flat.slice(0, max - 1)}…`;
  return flat
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_{}[\]()#!|~@$]/g, "\\$&");
}

/** A link to an http(s) source, or escaped text when the value is not one. */
export function formatLink(url: string, label = url): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return escapeMarkdown(url);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return escapeMarkdown(url);
  const href = parsed.href.replace(/\(/g, "%28").replace(/\)/g, "%29");
  return `[${escapeMarkdown(label)}](${href})`;
}

const joinPath = (rootPrefix: string, file: string): string =>
  rootPrefix.replace(/^\/+|\/+$/g, "") === "" ? file : `${rootPrefix.replace(/^\/+|\/+$/g, "")}/${file}`;
const where = (ctx: ReportContext, file: string, line: number): string => escapeMarkdown(`${joinPath(ctx.rootPrefix, file)}:${line}`);
const scoreText = (score: number | undefined, level: Level | undefined): string =>
  score === undefined ? "not scored" : `risk ${score}/100 ${level ?? "none"}`;

/** Collects lines while the output fits in the byte budget. */
class Budget {
  readonly lines: string[] = [];
  #bytes = 0;
  constructor(private readonly limit: number) {}
  add(line: string): boolean {
    const size = Buffer.byteLength(line, "utf8") + 1;
    if (this.#bytes + size > this.limit) return false;
    this.lines.push(line);
    this.#bytes += size;
    return true;
  }
  /** Adds all of `lines` or none of them. */
  addAll(lines: readonly string[]): boolean {
    const size = lines.reduce((sum, line) => sum + Buffer.byteLength(line, "utf8") + 1, 0);
    if (this.#bytes + size > this.limit) return false;
    for (const line of lines) this.add(line);
    return true;
  }
  /** Adds rows until the budget runs out; returns how many did not fit. */
  addRows(rows: readonly string[]): number {
    for (let i = 0; i < rows.length; i++) if (!this.add(rows[i]!)) return rows.length - i;
    return 0;
  }
}

function topRiskLines(report: Report, ctx: ReportContext): string[] {
  const active = report.findings.filter((finding) => finding.suppressed === undefined);
  const sorted = [...active].sort((a, b) => RANK[b.level] - RANK[a.level] || compareText(a.file, b.file) || a.line - b.line);
  return sorted.slice(0, TOP_RISKS).map((finding: Finding, i) => {
    const model = finding.model === undefined ? undefined : report.models.find((m) => m.id === finding.model);
    const subject = finding.model === undefined ? "" : ` ${escapeMarkdown(finding.model)}, ${scoreText(model?.score, model?.level)}:`;
    const place = finding.file === "" ? "project" : where(ctx, finding.file, finding.line);
    const fix = finding.fix ?? ctx.findingRules.find((rule) => rule.id === finding.rule)?.fix;
    return `${i + 1}. **${finding.level}** ·${subject} ${escapeMarkdown(describeFinding(finding, fix))} — ${place}, ${finding.rule}.${fix === undefined ? "" : ` Fix: ${escapeMarkdown(fix)}`}`;
  });
}

function modelRow(model: ReportModel, ctx: ReportContext): string {
  const refs = [...model.references].sort((a, b) => compareText(a.file, b.file) || a.line - b.line);
  const first = refs[0] === undefined ? "—" : where(ctx, refs[0].file, refs[0].line);
  const more = refs.length > 1 ? ` \\+${refs.length - 1} more` : "";
  const cells = [
    escapeMarkdown(model.id),
    escapeMarkdown(model.provider ?? "unknown"),
    escapeMarkdown(model.license ?? "unknown"),
    model.level ?? "none",
    model.score === undefined ? "—" : String(model.score),
    `${first}${more}`,
  ];
  return `| ${cells.join(" | ")} |`;
}

function ruleRows(report: Report, ctx: ReportContext): string[] {
  const byRule = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    const list = byRule.get(finding.rule);
    if (list === undefined) byRule.set(finding.rule, [finding]);
    else list.push(finding);
  }
  return [...byRule.entries()]
    .sort(([a, fa], [b, fb]) => Math.max(...fb.map((f) => RANK[f.level])) - Math.max(...fa.map((f) => RANK[f.level])) || compareText(a, b))
    .map(([rule, findings]) => {
      const summary = ctx.findingRules.find((r) => r.id === rule)?.summary ?? "";
      const suppressed = findings.filter((f) => f.suppressed !== undefined).length;
      const worst = findings.reduce((w, f) => (RANK[f.level] > RANK[w] ? f.level : w), "none" as Level);
      return `| ${escapeMarkdown(rule)} | ${escapeMarkdown(summary)} | ${worst} | ${findings.length - suppressed} | ${suppressed} |`;
    });
}

function sourcesOf(report: Report): string[] {
  const urls = new Set<string>();
  for (const model of report.models) {
    for (const url of model.sources) urls.add(url);
    for (const url of model.lifecycle?.sources ?? []) urls.add(url);
    for (const factor of model.factors ?? []) for (const url of factor.sources) urls.add(url);
  }
  return [...urls].sort();
}

export function buildMarkdown(report: Report, ctx: ReportContext, limitBytes = STEP_SUMMARY_LIMIT_BYTES): string {
  // Keep room for the truncation notice itself.
  const out = new Budget(limitBytes - 512);
  const omitted: string[] = [];
  const { summary } = report;
  const suppressed = report.findings.filter((f) => f.suppressed !== undefined).length;
  out.add(`## modelrisk: ${summary.score === undefined ? "no score" : `${summary.score}/100`} (${summary.level ?? "none"})`);
  out.add("");
  out.add(`${count(summary.models, "model")} · ${count(summary.references, "reference")} · ${count(summary.findings, "finding")}${suppressed > 0 ? ` (${suppressed} suppressed)` : ""} · ${count(summary.files, "file")} scanned${summary.skipped > 0 ? ` (${summary.skipped} skipped)` : ""} · as of ${escapeMarkdown(report.asOf)}`);
  if (report.models.length === 0 && report.findings.length === 0) {
    out.add("");
    out.add("No AI model references found.");
    return `${out.lines.join("\n")}\n`;
  }
  const sections: [title: string, header: string[], rows: string[], what: string][] = [
    ["### Top risks", [], topRiskLines(report, ctx), "top risks"],
    ["### Models", ["| Model | Provider | License | Level | Score | References |", "| --- | --- | --- | --- | ---: | --- |"],
      [...report.models].sort((a, b) => RANK[b.level ?? "none"] - RANK[a.level ?? "none"] || compareText(a.id, b.id)).map((m) => modelRow(m, ctx)), "models"],
    ["### Findings by rule", ["| Rule | What | Worst level | Open | Suppressed |", "| --- | --- | --- | ---: | ---: |"], ruleRows(report, ctx), "rules"],
    ["### Dynamic model references", ["The model is chosen at run time at these places; modelrisk cannot check them:", ""],
      (report.dynamic ?? []).map((ref) => `- ${where(ctx, ref.file, ref.line)}: ${escapeMarkdown(ref.text)}`), "dynamic references"],
    ["### Sources", [], sourcesOf(report).map((url) => `- ${formatLink(url)}`), "sources"],
  ];
  for (const [title, header, rows, what] of sections) {
    if (rows.length === 0) continue;
    // A section starts only when its title, header and first row fit together.
    if (!out.addAll(["", title, "", ...header, rows[0]!])) {
      omitted.push(`all ${rows.length} ${what}`);
      continue;
    }
    const left = out.addRows(rows.slice(1));
    if (left > 0) omitted.push(`${left} of ${rows.length} ${what}`);
  }
  const lines = out.lines;
  if (omitted.length > 0) lines.push("", `_Truncated to stay under GitHub's 1 MiB summary limit: omitted ${omitted.join(", ")}. Use --format json for the full report._`);
  return `${lines.join("\n")}\n`;
}

export const formatMarkdown: Reporter = (report, ctx) => buildMarkdown(report, ctx);
