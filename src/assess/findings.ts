/**
 * Factors → findings at every place a model is named. A finding's level is its rule's default
 * level (policy may override it); it is deliberately not raised by the model's score, so gating
 * on a rule does not change when an unrelated factor of the same model moves.
 */
import type { RulesDb } from "../rules/types.js";
import type { Factor, FactorName, Finding, Level, Location, ReportModel, ReportReference, RuleId } from "../types.js";

const HEX40 = /^[0-9a-f]{40}$/i;

export function ruleLevel(db: RulesDb, rule: RuleId): Level {
  return db.findingRules.get(rule)?.level ?? "medium";
}

export function locationOf(ref: Location): Location {
  return { file: ref.file, line: ref.line, column: ref.column, endLine: ref.endLine, endColumn: ref.endColumn };
}

/** Findings for one assessed model, in reference order then rule order. */
export function modelFindings(model: ReportModel, db: RulesDb, asOf: string): Finding[] {
  const factor = (name: FactorName): Factor | undefined => model.factors?.find((f) => f.name === name && f.score > 0);
  const tag = `${model.id} (model score ${model.score ?? 0}, ${model.level ?? "none"})`;
  const out: Finding[] = [];
  const add = (rule: RuleId, refs: readonly ReportReference[], what: string, fix?: string, level = ruleLevel(db, rule)): void => {
    const advice = fix ?? db.findingRules.get(rule)?.fix;
    for (const ref of refs) {
      const finding: Finding = {
        ...locationOf(ref),
        rule,
        level,
        message: `${tag}: ${what}`,
        model: model.id,
      };
      if (advice) finding.fix = advice;
      out.push(finding);
    }
  };
  const refs = model.references;
  const life = model.lifecycle;
  const retirement = factor("retirement");
  if (retirement && life) {
    const fix = life.replacement ? `switch to ${life.replacement}` : undefined;
    const rule: RuleId =
      life.retires && life.retires <= asOf ? "retired-model" : life.retires ? "retiring-model" : "deprecated-model";
    add(rule, refs, retirement.reason, fix);
  }
  const license = factor("license");
  if (license) {
    const rule: RuleId | undefined =
      model.licenseClass === "non-commercial" ? "non-commercial-license"
      : model.licenseClass === "restricted-commercial" ? "restricted-license"
      : model.licenseClass === "copyleft" ? "copyleft-license"
      : model.licenseClass === "unknown" || model.licenseClass === undefined ? "unknown-license"
      : undefined;
    if (rule) add(rule, refs, license.reason);
  }
  const takedown = factor("takedown");
  // History that was undone (the model or organisation came back) is worth knowing, not blocking
  // on: one level below the rule's default, which stays for anything still gone or unknown.
  if (takedown) add("takedown-history", refs, takedown.reason, undefined, isAllRestored(model, db) ? lower(ruleLevel(db, "takedown-history")) : undefined);
  const availability = factor("availability");
  if (availability) add("single-host", refs, availability.reason);
  if (factor("pinning")) {
    if (model.kind === "weights") {
      const loose = refs.filter((r) => !r.revision || !HEX40.test(r.revision));
      add("unpinned-revision", loose, "loaded without a commit revision, so the weights can change under you");
    } else {
      add("floating-alias", refs, factor("pinning")!.reason);
    }
  }
  if (factor("unknown")) add("unknown-model", refs, "not in the rules database; its licence and lifecycle are unknown");
  return out;
}

function isAllRestored(model: ReportModel, db: RulesDb): boolean {
  const incidents = db.incidents.filter((i) => model.incidents.includes(i.id));
  return incidents.length > 0 && incidents.every((i) => i.restored === true);
}

function lower(level: Level): Level {
  const order: Level[] = ["none", "low", "medium", "high", "critical"];
  return order[Math.max(1, order.indexOf(level) - 1)]!;
}

/** One finding per model position whose value the scan could not read. */
export function dynamicFindings(dynamic: readonly ReportReference[], db: RulesDb): Finding[] {
  return dynamic.map((ref) => {
    const advice = db.findingRules.get("dynamic-model-reference")?.fix;
    const finding: Finding = {
      ...locationOf(ref),
      rule: "dynamic-model-reference",
      level: ruleLevel(db, "dynamic-model-reference"),
      message: `model chosen at run time (${ref.text}${ref.via ? ` in ${ref.via}` : ""}): it cannot be assessed statically`,
    };
    if (advice) finding.fix = advice;
    return finding;
  });
}

/** Findings sort by location, then rule, then model, so output never depends on stage order. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const byPlace = a.line - b.line || a.column - b.column;
  if (byPlace) return byPlace;
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  const am = a.model ?? a.provider ?? "";
  const bm = b.model ?? b.provider ?? "";
  return am < bm ? -1 : am > bm ? 1 : a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}
