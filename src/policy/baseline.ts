/**
 * Baseline: a previous JSON report whose findings are accepted as they are. Matching uses the
 * rule, the model or provider, the file and the referenced text — never the line number — with a
 * count, so inserting lines above a reference keeps it matched while a second copy is still new.
 */
import type { Finding, Report } from "../types.js";

type Referencing = Pick<Report, "models" | "providers"> & Partial<Pick<Report, "dynamic">>;

/** The text at each location a report names (model, provider and dynamic references). */
function textsOf(report: Referencing): Map<string, string> {
  const texts = new Map<string, string>();
  const put = (r: { file: string; line: number; column: number; text: string }): void => {
    const key = `${r.file}\0${r.line}\0${r.column}`;
    if (!texts.has(key)) texts.set(key, r.text);
  };
  for (const m of report.models) for (const r of m.references) put(r);
  for (const p of report.providers) for (const r of p.references) put(r);
  for (const r of report.dynamic ?? []) put(r);
  return texts;
}

function keyOf(f: Finding, texts: Map<string, string>): string {
  const text = texts.get(`${f.file}\0${f.line}\0${f.column}`) ?? "";
  return [f.rule, f.model ?? f.provider ?? "", f.file, text].join("\0");
}

/** Marks findings the baseline already had; `current` supplies the referenced texts of this scan. */
export function applyBaseline(findings: readonly Finding[], baseline: Report, current: Referencing): Finding[] {
  const oldTexts = textsOf(baseline);
  const remaining = new Map<string, number>();
  for (const f of baseline.findings) {
    const key = keyOf(f, oldTexts);
    remaining.set(key, (remaining.get(key) ?? 0) + 1);
  }
  const newTexts = textsOf(current);
  return findings.map((finding) => {
    const key = keyOf(finding, newTexts);
    const left = remaining.get(key) ?? 0;
    if (left === 0) return finding;
    remaining.set(key, left - 1);
    return finding.suppressed ? finding : { ...finding, suppressed: { kind: "baseline" } };
  });
}
