/**
 * `--format sarif`: one SARIF 2.1.0 run that GitHub code scanning accepts and displays well.
 * The checklist it follows (GitHub's rules, limits and fingerprints) is summarised in
 * docs/github-code-scanning.md. Deterministic: no timestamps, rules and results sorted.
 */
import type { Finding, Level, Report } from "../types.js";
import type { FindingRule } from "../rules/types.js";
import type { Reporter, ReportContext } from "./types.js";
import { findProjectAnchor, SRCROOT, toRepoUri } from "./sarif/location.js";
import { LineHashCache, toSarifResult, type ResultInput, type SarifResult } from "./sarif/result.js";
import { INFORMATION_URI, toFallbackRule, toSarifRule, type SarifRule } from "./sarif/rules.js";

export const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

export interface SarifLimits {
  /** GitHub rejects a run with more than 25,000 results. */
  maxResults: number;
  /** Skipped-file notifications kept in the invocation. */
  maxNotifications: number;
}
export const GITHUB_LIMITS: SarifLimits = { maxResults: 25_000, maxNotifications: 1_000 };

interface Notification {
  level: "note" | "warning";
  message: { text: string };
  locations?: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[];
}

const SEVERITY_RANK: Record<Level, number> = { critical: 4, high: 3, medium: 2, low: 1, none: 0 };

function compareResults(a: SarifResult, b: SarifResult): number {
  const la = a.locations[0].physicalLocation;
  const lb = b.locations[0].physicalLocation;
  const keyA = [la.artifactLocation.uri, a.ruleId, a.message.text];
  const keyB = [lb.artifactLocation.uri, b.ruleId, b.message.text];
  if (keyA[0] !== keyB[0]) return keyA[0]! < keyB[0]! ? -1 : 1;
  const byPosition = la.region.startLine - lb.region.startLine || la.region.startColumn - lb.region.startColumn;
  if (byPosition !== 0) return byPosition;
  for (let i = 1; i < keyA.length; i++) if (keyA[i] !== keyB[i]) return keyA[i]! < keyB[i]! ? -1 : 1;
  return 0;
}

/** Rules in catalogue order, plus a descriptor for any rule a finding uses that it lacks. */
function buildRules(catalogue: readonly FindingRule[], findings: readonly Finding[]): { rules: SarifRule[]; index: Map<string, number> } {
  const rules = [...catalogue].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(toSarifRule);
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const missing = [...new Set(findings.map((f) => f.rule).filter((id) => !index.has(id)))].sort();
  for (const id of missing) {
    const level = findings.find((f) => f.rule === id)?.level ?? "medium";
    index.set(id, rules.push(toFallbackRule(id, level)) - 1);
  }
  return { rules, index };
}

/** The SARIF log as a plain object; `formatSarif` serialises it. */
export function buildSarif(report: Report, ctx: ReportContext, limits: SarifLimits = GITHUB_LIMITS) {
  const { rules, index } = buildRules(ctx.findingRules, report.findings);
  const catalogue = new Map(ctx.findingRules.map((rule) => [rule.id, rule]));
  const anchor = findProjectAnchor(report);
  const hashes = new LineHashCache((file) => ctx.readSource(file));
  const notifications: Notification[] = [];

  const inputs: ResultInput[] = [];
  let unanchored = 0;
  for (const finding of report.findings) {
    const isAnchored = finding.file === "";
    const file = isAnchored ? anchor : finding.file;
    if (file === undefined) {
      unanchored += 1;
      continue;
    }
    inputs.push({ finding, file, isAnchored, ruleIndex: index.get(finding.rule)!, rule: catalogue.get(finding.rule) });
  }
  if (unanchored > 0)
    notifications.push({
      level: "warning",
      message: { text: `${unanchored} project-level finding(s) omitted: the report names no file to show them on.` },
    });

  // Over the limit, keep the most severe findings (GitHub would reject the whole run).
  let kept = inputs;
  if (inputs.length > limits.maxResults) {
    kept = [...inputs]
      .sort((a, b) => SEVERITY_RANK[b.finding.level] - SEVERITY_RANK[a.finding.level])
      .slice(0, limits.maxResults);
    notifications.push({
      level: "warning",
      message: {
        text: `${inputs.length - limits.maxResults} of ${inputs.length} results omitted: GitHub accepts at most ${limits.maxResults} results per run; the most severe were kept.`,
      },
    });
  }
  const results = kept.map((input) => toSarifResult(input, report, ctx.rootPrefix, hashes)).sort(compareResults);
  numberFingerprints(results);

  const skipped = [...report.skipped].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const entry of skipped.slice(0, limits.maxNotifications)) {
    notifications.push({
      level: "note",
      message: { text: `Skipped '${entry.file}': ${entry.reason.replace(/[.\s]+$/, "")}.` },
      locations: [{ physicalLocation: { artifactLocation: { uri: toRepoUri(ctx.rootPrefix, entry.file), uriBaseId: SRCROOT } } }],
    });
  }
  if (skipped.length > limits.maxNotifications)
    notifications.push({ level: "note", message: { text: `${skipped.length - limits.maxNotifications} more skipped files not listed.` } });

  const category = ctx.category?.trim();
  return {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0" as const,
    runs: [
      {
        tool: {
          driver: {
            name: "modelrisk",
            semanticVersion: report.tool.version,
            version: report.tool.version,
            informationUri: INFORMATION_URI,
            rules,
            ...(report.tool.rulesVersion !== undefined && { properties: { rulesVersion: report.tool.rulesVersion } }),
          },
        },
        invocations: [
          { executionSuccessful: true, ...(notifications.length > 0 && { toolExecutionNotifications: notifications }) },
        ],
        ...(category !== undefined && category !== "" && { automationDetails: { id: category.endsWith("/") ? category : `${category}/` } }),
        originalUriBaseIds: { [SRCROOT]: { description: { text: "The repository root (the git top level)." } } },
        columnKind: "utf16CodeUnits" as const,
        results,
        properties: {
          ...(report.summary.score !== undefined && { "modelrisk/score": report.summary.score }),
          "modelrisk/level": report.summary.level ?? "none",
          "modelrisk/asOf": report.asOf,
          "modelrisk/models": report.summary.models,
          "modelrisk/references": report.summary.references,
          "modelrisk/findings": report.summary.findings,
          "modelrisk/omittedResults": inputs.length - kept.length + unanchored,
        },
      },
    ],
  };
}

/** Repeats of the same rule, subject and file get an occurrence number, like GitHub's hash. */
function numberFingerprints(results: SarifResult[]): void {
  const seen = new Map<string, number>();
  for (const result of results) {
    const key = result.partialFingerprints["modelrisk/v1"]!;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    result.partialFingerprints["modelrisk/v1"] = `${key}:${count}`;
  }
}

export const formatSarif: Reporter = (report, ctx) => `${JSON.stringify(buildSarif(report, ctx), null, 2)}\n`;
