/**
 * The SARIF rule catalogue (`tool.driver.rules`): every finding rule, every run, with the
 * texts GitHub requires and the severity it reads only from the rule.
 */
import type { Level, RuleId } from "../../types.js";
import type { FindingRule } from "../../rules/types.js";
import { asSentence, toPascalCase, truncateText } from "./text.js";

export const INFORMATION_URI = "https://github.com/modelrisk/modelrisk";

/** GitHub's limits for rule texts (descriptions 1024, names 255). */
const MAX_DESCRIPTION = 1024;
const MAX_NAME = 255;

export type SarifLevel = "none" | "note" | "warning" | "error";

/** Trivy's mapping: critical/high → error, medium → warning, low → note. */
export function toSarifLevel(level: Level): SarifLevel {
  if (level === "critical" || level === "high") return "error";
  if (level === "medium") return "warning";
  return "note";
}

/**
 * GitHub buckets security-severity (>9 critical, 7–8.9 high, 4–6.9 medium, 0.1–3.9 low);
 * Trivy's values sit inside the buckets, away from the ambiguous edges. `none` has no bucket
 * of its own (0 means "no severity" to GitHub), so it is reported as low.
 */
const SECURITY_SEVERITY: Record<Level, string> = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "2.0",
  none: "2.0",
};

type Precision = "very-high" | "high" | "medium" | "low";

/** What each rule is about (a tag users filter on) and how sure its evidence is. */
const RULE_TRAITS: Record<RuleId, { topic: string; precision: Precision }> = {
  "retired-model": { topic: "lifecycle", precision: "very-high" },
  "retiring-model": { topic: "lifecycle", precision: "very-high" },
  "deprecated-model": { topic: "lifecycle", precision: "very-high" },
  "non-commercial-license": { topic: "license", precision: "high" },
  "restricted-license": { topic: "license", precision: "high" },
  "copyleft-license": { topic: "license", precision: "high" },
  "unknown-license": { topic: "license", precision: "medium" },
  "denied-license": { topic: "license", precision: "high" },
  "takedown-history": { topic: "availability", precision: "high" },
  "single-host": { topic: "availability", precision: "medium" },
  "host-concentration": { topic: "availability", precision: "medium" },
  "vendor-concentration": { topic: "availability", precision: "medium" },
  "single-vendor": { topic: "availability", precision: "medium" },
  "unpinned-revision": { topic: "reproducibility", precision: "high" },
  "floating-alias": { topic: "reproducibility", precision: "high" },
  "unknown-model": { topic: "inventory", precision: "medium" },
  "dynamic-model-reference": { topic: "inventory", precision: "medium" },
  "denied-provider": { topic: "policy", precision: "high" },
  "expired-suppression": { topic: "policy", precision: "very-high" },
  "undeclared-provider": { topic: "supply-chain", precision: "medium" },
  "unused-provider-dependency": { topic: "supply-chain", precision: "medium" },
};

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[]; precision: Precision; "security-severity": string; "problem.severity": string };
}

function helpTexts(rule: FindingRule): { text: string; markdown: string } {
  const why = asSentence(rule.why);
  const fix = asSentence(rule.fix);
  const text = [`Why it matters: ${why}`, `How to fix: ${fix}`];
  const markdown = [`**${rule.summary.trim()}**`, "", `**Why it matters.** ${why}`, "", `**How to fix.** ${fix}`];
  if (rule.example !== undefined && rule.example.trim() !== "") {
    text.push(`Example:\n${rule.example.trim()}`);
    markdown.push("", "**Example.**", "", "```", rule.example.trim().replaceAll("```", "`\u200b``"), "```");
  }
  markdown.push("", `Default level: ${rule.level}. [Rule documentation](${helpUriOf(rule)})`);
  return { text: text.join("\n\n"), markdown: markdown.join("\n") };
}

function helpUriOf(rule: FindingRule): string {
  return rule.helpUri ?? `${INFORMATION_URI}/blob/main/docs/rules/${rule.id}.md`;
}

export function toSarifRule(rule: FindingRule): SarifRule {
  const traits = RULE_TRAITS[rule.id] ?? { topic: "model-risk", precision: "medium" };
  const level = toSarifLevel(rule.level);
  return {
    id: rule.id,
    name: truncateText(toPascalCase(rule.id), MAX_NAME),
    shortDescription: { text: truncateText(asSentence(rule.summary), MAX_DESCRIPTION) },
    fullDescription: { text: truncateText(`${asSentence(rule.summary)} ${asSentence(rule.why)}`, MAX_DESCRIPTION) },
    help: helpTexts(rule),
    helpUri: helpUriOf(rule),
    defaultConfiguration: { level },
    properties: {
      tags: [...new Set(["security", "ai-model", traits.topic])],
      precision: traits.precision,
      "security-severity": SECURITY_SEVERITY[rule.level],
      "problem.severity": level === "error" ? "error" : level === "warning" ? "warning" : "recommendation",
    },
  };
}

/** A finding whose rule is missing from the catalogue still needs a descriptor GitHub accepts. */
export function toFallbackRule(id: string, level: Level): SarifRule {
  return toSarifRule({
    id: id as RuleId,
    name: toPascalCase(id),
    summary: `Finding of modelrisk rule '${id}'`,
    why: "This rule is not in the loaded rule catalogue, so no further explanation is available",
    fix: "Update modelrisk or its rules so the catalogue includes this rule",
    level,
  });
}
