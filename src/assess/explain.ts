/**
 * `modelrisk explain <model-id | file:line>`: the trace behind a score — every factor with its
 * value, weight, the points it accounts for, the reason and the sources. A pure function of the report.
 */
import type { Finding, Report, ReportModel, ReportReference } from "../types.js";
import { attributePoints } from "./score.js";

export interface ExplainTargets {
  models: ReportModel[];
  dynamic: ReportReference[];
  findings: Finding[];
}

/** What a target names: a model id (as written, canonical, or any case) or a `file:line`. */
export function findTargets(report: Report, target: string): ExplainTargets {
  const wanted = target.trim();
  const byId = report.models.filter((m) => m.id === wanted || m.canonical === wanted);
  const models = byId.length ? byId : report.models.filter((m) => m.id.toLowerCase() === wanted.toLowerCase());
  if (models.length) return { models, dynamic: [], findings: report.findings.filter((f) => models.some((m) => m.id === f.model)) };
  const place = /^(.+):(\d+)$/.exec(wanted);
  if (!place) return { models: [], dynamic: [], findings: [] };
  const file = place[1]!.replace(/^\.\//, "").split("\\").join("/");
  const line = Number(place[2]);
  const at = (r: { file: string; line: number; endLine?: number }): boolean =>
    r.file === file && line >= r.line && line <= (r.endLine ?? r.line);
  return {
    models: report.models.filter((m) => m.references.some((r) => at(r) || (r.usedAt ?? []).some(at))),
    dynamic: (report.dynamic ?? []).filter(at),
    findings: report.findings.filter(at),
  };
}

export function explain(report: Report, target: string): string {
  const found = findTargets(report, target);
  if (found.models.length === 0 && found.dynamic.length === 0 && found.findings.length === 0) {
    return `no model or reference matches '${target}'\n`;
  }
  const blocks = found.models.map((m) => explainModel(m, report.findings.filter((f) => f.model === m.id)));
  for (const ref of found.dynamic) {
    blocks.push(`${ref.file}:${ref.line}:${ref.column}  model chosen at run time: ${ref.text}\n  not scored: the value is only known when the program runs\n`);
  }
  const loose = found.findings.filter((f) => !f.model || !found.models.some((m) => m.id === f.model));
  if (loose.length) blocks.push(`findings at ${target}\n${loose.map(formatFinding).join("")}`);
  return `${blocks.join("\n")}\nscored as of ${report.asOf}; weights from rules/scoring.yaml${report.tool.rulesVersion ? ` (rules ${report.tool.rulesVersion.slice(0, 12)})` : ""}\n`;
}

function explainModel(model: ReportModel, findings: Finding[]): string {
  const factors = model.factors ?? [];
  const lines: string[] = [];
  lines.push(`${model.id}  score ${model.score ?? "-"}/100 (${model.level ?? "not scored"})`);
  const facts = [
    model.provider,
    model.kind,
    model.license ? `licence ${model.license}${model.licenseClass ? ` (${model.licenseClass})` : ""}` : model.known ? "licence unknown" : undefined,
    model.hosts.length ? `hosts ${model.hosts.join(", ")}` : undefined,
    model.canonical ? `database id ${model.canonical}` : undefined,
    model.known ? undefined : "not in the rules database",
  ].filter(Boolean);
  lines.push(`  ${facts.join(" · ")}`);
  if (factors.length) {
    const terms = factors.map((f) => `(1 − ${fixed(f.weight)}×${fixed(f.score)})`).join("");
    lines.push(`  score = 100 × (1 − Π(1 − weight × factor)) = 100 × (1 − ${terms}) = ${model.score}`);
    lines.push("");
    lines.push(`  ${"factor".padEnd(13)}${"value".padStart(6)}${"weight".padStart(8)}${"w×v".padStart(7)}${"points".padStart(8)}`);
    const points = attributePoints(factors);
    factors.forEach((f, i) => {
      lines.push(`  ${f.name.padEnd(13)}${fixed(f.score).padStart(6)}${fixed(f.weight).padStart(8)}${fixed(f.weight * f.score).padStart(7)}${String(points[i]).padStart(8)}`);
    });
    lines.push("");
    for (const f of factors) {
      lines.push(`  ${f.name}: ${f.reason}`);
      for (const source of f.sources) lines.push(`    source: ${source}`);
    }
  }
  lines.push("", `  references (${model.references.length})`);
  for (const r of model.references) {
    const how = [r.detector, r.via, r.revision ? `revision ${r.revision}` : undefined].filter(Boolean).join(", ");
    lines.push(`    ${r.file}:${r.line}:${r.column}  ${r.text}  (${how})`);
    for (const u of r.usedAt ?? []) lines.push(`      used at ${u.file}:${u.line}:${u.column}`);
  }
  if (findings.length) lines.push("", `  findings (${findings.length})`, ...findings.map((f) => formatFinding(f).trimEnd()));
  return `${lines.join("\n")}\n`;
}

function formatFinding(f: Finding): string {
  const off = f.suppressed ? `  [suppressed: ${f.suppressed.kind}${f.suppressed.reason ? `, ${f.suppressed.reason}` : ""}]` : "";
  return `    ${f.level.padEnd(8)} ${f.rule.padEnd(26)} ${f.file || "(project)"}:${f.line}:${f.column}${off}\n`;
}

function fixed(value: number): string {
  return value.toFixed(2);
}
