/**
 * Policy → findings: denied licences and providers become findings, ignored paths drop out,
 * rule levels are overridden or switched off, and config suppressions mark what the team has
 * accepted (an expired one stops working and is reported itself).
 */
import ignore from "ignore";
import { compareFindings, locationOf, ruleLevel } from "../assess/findings.js";
import type { RulesDb } from "../rules/types.js";
import type { Finding, Location, ReportModel, ReportProvider } from "../types.js";
import type { Policy, Suppression } from "./load.js";

export interface PolicyInput {
  models: readonly ReportModel[];
  providers: readonly ReportProvider[];
  policy: Policy;
  db: RulesDb;
  asOf: string;
}

export function applyPolicy(findings: readonly Finding[], input: PolicyInput): Finding[] {
  const { policy, db } = input;
  const isIgnored = pathMatcher(policy.ignore);
  const out = [...findings, ...deniedFindings(input)].filter((f) => !f.file || !isIgnored(f.file));
  for (const finding of out) {
    if (finding.suppressed) continue;
    const match = policy.suppressions.find((s) => !isExpired(s, input.asOf) && matches(s, finding));
    if (match) finding.suppressed = { kind: "config", reason: match.reason };
  }
  for (const s of policy.suppressions) {
    if (!isExpired(s, input.asOf) || !policy.file) continue;
    const target = [s.rule, s.model, s.path].filter(Boolean).join(" ");
    out.push({
      file: policy.file, line: s.line, column: s.column, endLine: s.line, endColumn: s.column + 1,
      rule: "expired-suppression",
      level: ruleLevel(db, "expired-suppression"),
      message: `the suppression of ${target} expired on ${s.expires} ("${s.reason}"); its findings count again. Fix: resolve them or renew the expiry with a reason`,
    });
  }
  const result: Finding[] = [];
  for (const finding of out) {
    const override = policy.rules[finding.rule];
    if (override === "off") continue;
    result.push(override ? { ...finding, level: override } : finding);
  }
  return result.sort(compareFindings);
}

/** A suppression applies through its expiry day. */
export function isExpired(s: Suppression, asOf: string): boolean {
  return s.expires !== undefined && s.expires < asOf;
}

function matches(s: Suppression, f: Finding): boolean {
  if (s.rule !== f.rule) return false;
  if (s.model !== undefined && s.model.toLowerCase() !== (f.model ?? f.provider ?? "").toLowerCase()) return false;
  return s.path === undefined || (f.file !== "" && pathMatcher([s.path])(f.file));
}

/** Gitignore semantics, as users write them in .gitignore. */
export function pathMatcher(patterns: readonly string[]): (file: string) => boolean {
  if (patterns.length === 0) return () => false;
  const ig = ignore().add([...patterns]);
  return (file) => file !== "" && !file.startsWith("../") && ig.ignores(file);
}

function deniedFindings({ models, providers, policy, db }: PolicyInput): Finding[] {
  const out: Finding[] = [];
  const { allow, deny } = policy.licenses;
  const denyProviders = new Set(policy.providers.deny);
  const denyHosts = new Set(policy.hosts.deny.map((h) => h.toLowerCase()));
  const push = (rule: "denied-license" | "denied-provider", loc: Location, message: string, who: { model?: string; provider?: string }): void => {
    out.push({ ...locationOf(loc), rule, level: ruleLevel(db, rule), message, ...who });
  };
  for (const model of models) {
    const license = model.license ?? "unknown";
    const cls = model.licenseClass ?? "unknown";
    const named = (list: readonly string[]): boolean => list.includes(license) || list.includes(cls);
    const why = named(deny) ? "is denied by the policy" : allow && !named(allow) ? "is not in the policy's allowed licences" : undefined;
    if (why) {
      for (const ref of model.references) push("denied-license", ref, `${model.id}: licence ${license} (${cls}) ${why}`, { model: model.id });
    }
    const host = model.hosts.find((h) => denyHosts.has(h.toLowerCase()));
    const reason = model.provider && denyProviders.has(model.provider) ? `provider ${model.provider}` : host ? `host ${host}` : undefined;
    if (reason) {
      for (const ref of model.references) push("denied-provider", ref, `${model.id}: ${reason} is denied by the policy`, { model: model.id });
    }
  }
  for (const provider of providers) {
    if (!denyProviders.has(provider.id)) continue;
    for (const ref of provider.references) push("denied-provider", ref, `provider ${provider.id} (${ref.via}) is denied by the policy`, { provider: provider.id });
  }
  return out;
}
