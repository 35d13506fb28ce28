/**
 * Assessment stage: resolved facts → scored models, findings, concentration and the project score,
 * with the project's policy, inline suppressions and baseline applied. Pure apart from what the
 * caller hands in (`sourceOf` reads files the scan already holds).
 */
import { applyBaseline } from "../policy/baseline.js";
import { applyInlineSuppressions } from "../policy/inline.js";
import { applyPolicy, pathMatcher } from "../policy/apply.js";
import { emptyPolicy, type Policy } from "../policy/load.js";
import type { Resolved } from "../resolve/resolve.js";
import type { RulesDb } from "../rules/types.js";
import type { Concentration, Finding, Level, Report, RuleId } from "../types.js";
import { compareFindings, dynamicFindings, modelFindings } from "./findings.js";
import { assessModels } from "./models.js";
import { assessProject } from "./project.js";
import { providerFindings } from "./providers.js";

/** Rules about the project as a whole: they need every file, so partial scans leave them out. */
export const PROJECT_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  "host-concentration", "vendor-concentration", "single-vendor", "undeclared-provider", "unused-provider-dependency",
]);

export interface AssessOptions {
  asOf: string;
  policy?: Policy;
  /** Text of a scanned file, for inline suppressions; undefined when not available. */
  sourceOf?: (file: string) => string | undefined;
  /** A previous JSON report whose findings no longer count for gating. */
  baseline?: Report;
}

export interface Assessment extends Resolved {
  findings: Finding[];
  concentration: Concentration;
  summary: { score: number; level: Level };
}

export function assess(resolved: Resolved, db: RulesDb, options: AssessOptions): Assessment {
  const policy = options.policy ?? emptyPolicy();
  const kept = withoutIgnored(resolved, pathMatcher(policy.ignore));
  const models = assessModels(kept.models, db, { asOf: options.asOf });
  const project = assessProject(models, kept.providers, db);
  let findings: Finding[] = [
    ...models.flatMap((m) => modelFindings(m, db, options.asOf)),
    ...dynamicFindings(kept.dynamic, db),
    ...project.findings,
    ...providerFindings(models, kept.providers, db),
  ];
  if (options.sourceOf) findings = applyInlineSuppressions(findings, options.sourceOf);
  findings = applyPolicy(findings, { models, providers: kept.providers, policy, db, asOf: options.asOf });
  if (options.baseline) findings = applyBaseline(findings, options.baseline, { ...kept, models });
  return {
    models,
    providers: kept.providers,
    dynamic: kept.dynamic,
    findings: findings.sort(compareFindings),
    concentration: project.concentration,
    summary: { score: project.score, level: project.level },
  };
}

/** References in paths the policy ignores leave the report; a model named only there goes with them. */
function withoutIgnored(resolved: Resolved, isIgnored: (file: string) => boolean): Resolved {
  const models = resolved.models
    .map((m) => ({ ...m, references: m.references.filter((r) => !isIgnored(r.file)) }))
    .filter((m) => m.references.length > 0);
  const providers = resolved.providers
    .map((p) => ({ ...p, references: p.references.filter((r) => !isIgnored(r.file)) }))
    .filter((p) => p.references.length > 0);
  return { models, providers, dynamic: resolved.dynamic.filter((r) => !isIgnored(r.file)) };
}

export { assessModels } from "./models.js";
export { assessProject, projectScore } from "./project.js";
export { scoreFactors, attributePoints, combineRisk } from "./score.js";
export { levelFor, scoringParams } from "./params.js";
export { explain } from "./explain.js";
