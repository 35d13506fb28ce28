import { LEVELS, type Finding, type Level, type Report, type ReportModel } from "../types.js";
import { sanitizeReport } from "./sanitize.js";
import {
  formatBar,
  formatLocation,
  formatPercent,
  levelRank,
  sortModels,
  sortShares,
} from "./tui/view-data.js";
import type { Reporter } from "./types.js";
import { count } from "./words.js";

/** Plain SGR codes: the text reporter must not load chalk/Ink, and needs only a handful of styles. */
const SGR: Record<Level | "dim" | "bold", string> = {
  critical: "1;31",
  high: "31",
  medium: "33",
  low: "36",
  none: "32",
  dim: "2",
  bold: "1",
};

type Paint = (style: keyof typeof SGR, text: string) => string;

/**
 * The report for pipes and CI logs: the same information as the Ink UI, top to bottom, no cursor
 * movement, colour only when the context allows it. Every string from scanned files is sanitized.
 */
export const formatText: Reporter = (untrusted, ctx) => {
  const report = sanitizeReport(untrusted);
  const paint: Paint = ctx.color ? (style, text) => `\x1b[${SGR[style]}m${text}\x1b[0m` : (_, text) => text;
  const sections = [
    formatHeader(report, paint),
    formatModels(report, paint),
    formatProviders(report),
    formatFindings(report.findings, paint),
    formatConcentration(report),
    formatDynamic(report),
    formatSkipped(report),
  ].filter((lines) => lines.length > 0);
  return `${[...sections.map((lines) => lines.join("\n")), formatSummary(report)].join("\n\n")}\n`;
};

/** Level and score padded to one width, so model ids line up whatever colour codes surround them. */
function formatLevel(level: Level | undefined, score: number | undefined, paint: Paint): string {
  if (level === undefined || score === undefined) return paint("dim", "not scored".padEnd(11));
  const scoreText = String(Math.round(score));
  return `${paint(level, level)} ${scoreText}${" ".repeat(Math.max(0, 10 - level.length - scoreText.length))}`;
}

function formatHeader(report: Report, paint: Paint): string[] {
  const { summary: s } = report;
  const risk =
    s.score !== undefined && s.level !== undefined
      ? `${paint(s.level, `${Math.round(s.score)}/100 ${s.level}`)} ${formatBar(s.score / 100, 20)}`
      : paint("dim", "not scored");
  return [
    `${paint("bold", "modelrisk")} ${report.tool.version} · as of ${report.asOf}`,
    `Project risk: ${risk}`,
    `${count(s.models, "model")} · ${count(s.references, "reference")} · ${count(s.providers, "provider")} · ${count(s.findings, "finding")} · ${count(s.files, "file")} scanned · ${s.skipped} skipped`,
  ];
}

function formatModels(report: Report, paint: Paint): string[] {
  if (report.models.length === 0) return ["Models: none found"];
  const lines = [paint("bold", `Models (${report.models.length}, highest risk first)`)];
  for (const model of sortModels(report.models)) {
    lines.push(`  ${formatLevel(model.level, model.score, paint)}  ${paint("bold", model.id)}`);
    lines.push(`    ${describeModel(model)}`);
    for (const ref of model.references) {
      const via = ref.via ? `  via ${ref.via}` : "";
      lines.push(`    ${formatLocation(ref)}${via}`);
    }
  }
  return lines;
}

function describeModel(model: ReportModel): string {
  const license = model.license
    ? `license ${model.license} (${model.licenseClass ?? "unknown"})`
    : `license ${model.licenseClass ?? "unknown"}`;
  const parts = [
    `provider ${model.provider ?? "unknown"}`,
    model.kind ?? "kind unknown",
    license,
    model.known ? undefined : "not in the rules database",
    model.lifecycle && model.lifecycle.status !== "active" && model.lifecycle.status !== "unknown"
      ? `${model.lifecycle.status}${model.lifecycle.replacement ? ` → ${model.lifecycle.replacement}` : ""}`
      : undefined,
    `${model.references.length} ${model.references.length === 1 ? "reference" : "references"}`,
  ];
  return parts.filter((p) => p !== undefined).join(" · ");
}

function formatProviders(report: Report): string[] {
  if (report.providers.length === 0) return [];
  const names = report.providers.map((p) => `${p.id} (${p.references.length})`);
  return [`Providers: ${names.join(", ")}`];
}

function formatFindings(findings: readonly Finding[], paint: Paint): string[] {
  if (findings.length === 0) return ["Findings: none"];
  const lines = [paint("bold", `Findings (${findings.length})`)];
  for (const level of [...LEVELS].reverse()) {
    const group = findings.filter((f) => f.level === level);
    if (group.length === 0) continue;
    lines.push(`  ${paint(level, level)} (${group.length})`);
    for (const f of group) {
      const suppressed = f.suppressed ? paint("dim", ` [suppressed: ${f.suppressed.kind}]`) : "";
      lines.push(`    ${formatLocation(f)} ${paint(level, level)} ${f.rule} ${f.message}${suppressed}`);
      if (f.fix) lines.push(`      fix: ${f.fix}`);
    }
  }
  return lines;
}

function formatConcentration(report: Report): string[] {
  const c = report.concentration;
  if (!c) return [];
  const groups: [string, [string, number][]][] = [
    ["hosts", sortShares(c.hosts)],
    ["vendors", sortShares(c.vendors)],
  ];
  const width = Math.max(0, ...groups.flatMap(([, rows]) => rows.map(([name]) => name.length)));
  const lines = ["Concentration"];
  for (const [title, rows] of groups) {
    if (rows.length === 0) continue;
    const hhi = title === "hosts" ? c.hhi.hosts : c.hhi.vendors;
    lines.push(`  ${title} (HHI ${hhi.toFixed(2)})`);
    for (const [name, share] of rows) lines.push(`    ${name.padEnd(width)}  ${formatBar(share, 10)} ${formatPercent(share)}`);
  }
  return lines;
}

function formatDynamic(report: Report): string[] {
  const refs = report.dynamic ?? [];
  if (refs.length === 0) return [];
  const lines = [`Model references not readable statically (${refs.length})`];
  for (const ref of refs) lines.push(`  ${formatLocation(ref)}  ${ref.text}`);
  return lines;
}

function formatSkipped(report: Report): string[] {
  if (report.skipped.length === 0) return [];
  return [`Skipped files (${report.skipped.length})`, ...report.skipped.map((s) => `  ${s.file}: ${s.reason}`)];
}

function formatSummary(report: Report): string {
  const counts = [...LEVELS]
    .reverse()
    .map((level) => [level, report.findings.filter((f) => f.level === level).length] as const)
    .filter(([, n]) => n > 0)
    .map(([level, n]) => `${n} ${level}`);
  const findings = `${count(report.findings.length, "finding")}${counts.length > 0 ? ` (${counts.join(", ")})` : ""}`;
  const { score, level } = report.summary;
  const risk = score !== undefined && level !== undefined ? `project risk ${Math.round(score)}/100 ${level}` : "not scored";
  const worst = report.models.reduce((max, m) => Math.max(max, levelRank(m.level)), -1);
  const worstText = worst > 0 ? `, worst model ${LEVELS[worst]}` : "";
  return `modelrisk: ${count(report.summary.models, "model")}, ${count(report.summary.references, "reference")}, ${findings}, ${risk}${worstText}.`;
}
