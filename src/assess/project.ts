/**
 * Project level: where the models come from (shares and Herfindahl–Hirschman index over hosts
 * and vendors), the project score, and the findings that only exist across models.
 * Project findings are anchored at the first reference (file, line, column order) of the
 * dominant host or vendor, so they can be opened, suppressed inline and matched by a baseline.
 */
import { compareLocations } from "../resolve/order.js";
import type { RulesDb } from "../rules/types.js";
import type { Concentration, Finding, Level, ReportModel, ReportProvider, ReportReference, RuleId } from "../types.js";
import { locationOf, ruleLevel } from "./findings.js";
import { levelFor, scoringParams } from "./params.js";
import { toScore } from "./score.js";

export interface ProjectAssessment {
  concentration: Concentration;
  score: number;
  level: Level;
  findings: Finding[];
}

interface Tally {
  shares: Record<string, number>;
  hhi: number;
  top?: { key: string; share: number; first: ReportReference };
}

export function hostOf(model: ReportModel, db: RulesDb): string {
  const own = model.provider ? db.providerById(model.provider)?.host : undefined;
  if (own && (model.hosts.length === 0 || model.hosts.includes(own))) return own;
  return model.hosts[0] ?? own ?? "unknown";
}

/** The organisation for hub ids (`meta-llama`), the provider for API and local ids. */
export function vendorOf(model: ReportModel): string {
  if (model.kind !== "api" && model.kind !== "local" && model.id.includes("/")) return model.id.split("/")[0]!.toLowerCase();
  return model.provider ?? "unknown";
}

export function assessProject(models: readonly ReportModel[], providers: readonly ReportProvider[], db: RulesDb): ProjectAssessment {
  const params = scoringParams(db);
  const hosts = tally(models, (m) => hostOf(m, db));
  const vendors = tally(models, vendorOf);
  const concentration: Concentration = {
    hosts: hosts.shares,
    vendors: vendors.shares,
    hhi: { hosts: round(hosts.hhi), vendors: round(vendors.hhi) },
  };
  const score = projectScore(models, concentration, params.project);
  const findings: Finding[] = [];
  const single = singleVendor(models, providers, db);
  if (single) findings.push(single);
  if (models.length >= params.concentration.minModels) {
    if (hosts.top && hosts.hhi >= params.concentration.hhiThreshold) {
      findings.push(shareFinding("host-concentration", hosts, db, `resolve to ${hosts.top.key} (HHI ${round(hosts.hhi)})`));
    }
    if (vendors.top && vendors.hhi >= params.concentration.hhiThreshold && !single) {
      findings.push(shareFinding("vendor-concentration", vendors, db, `come from ${vendors.top.key} (HHI ${round(vendors.hhi)})`));
    }
  }
  return { concentration, score, level: levelFor(score, db), findings };
}

/**
 * `100 × (1 − (1 − W)(1 − a·R)(1 − c·C))`: W the worst model's score, R the risk the other models
 * add between them (`1 − Π(1 − sⱼ)`), C the larger of the host and vendor HHI; a and c from scoring.yaml.
 */
export function projectScore(
  models: readonly Pick<ReportModel, "score">[],
  concentration: Concentration,
  weights: { spreadWeight: number; concentrationWeight: number },
): number {
  if (models.length === 0) return 0;
  const scores = models.map((m) => (m.score ?? 0) / 100).sort((a, b) => b - a);
  const worst = scores[0]!;
  const rest = 1 - scores.slice(1).reduce((keep, s) => keep * (1 - s), 1);
  const spread = Math.max(concentration.hhi.hosts, concentration.hhi.vendors);
  return toScore(1 - (1 - worst) * (1 - weights.spreadWeight * rest) * (1 - weights.concentrationWeight * spread));
}

function tally(models: readonly ReportModel[], keyOf: (m: ReportModel) => string): Tally {
  const counts = new Map<string, { n: number; first: ReportReference }>();
  let total = 0;
  for (const model of models) {
    const key = keyOf(model);
    for (const ref of model.references) {
      const entry = counts.get(key);
      if (!entry) counts.set(key, { n: 1, first: ref });
      else {
        entry.n += 1;
        if (compareLocations(ref, entry.first) < 0) entry.first = ref;
      }
      total += 1;
    }
  }
  const shares: Record<string, number> = {};
  let hhi = 0;
  let top: Tally["top"];
  for (const key of [...counts.keys()].sort()) {
    const { n, first } = counts.get(key)!;
    const share = n / total;
    shares[key] = round(share);
    hhi += share * share;
    if (!top || share > top.share) top = { key, share, first };
  }
  return top ? { shares, hhi, top } : { shares, hhi };
}

function shareFinding(rule: RuleId, t: Tally, db: RulesDb, what: string): Finding {
  const top = t.top!;
  const advice = db.findingRules.get(rule)?.fix;
  const finding: Finding = {
    ...locationOf(top.first),
    rule,
    level: ruleLevel(db, rule),
    message: `${Math.round(top.share * 100)}% of model references ${what}`,
  };
  if (advice) finding.fix = advice;
  return finding;
}

/** Every API model from one provider and no other API provider anywhere in the project to fall back on. */
function singleVendor(models: readonly ReportModel[], providers: readonly ReportProvider[], db: RulesDb): Finding | undefined {
  const api = models.filter((m) => m.kind === "api" && m.provider);
  const used = new Set(api.map((m) => m.provider!));
  if (used.size !== 1) return undefined;
  const [vendor] = used;
  const fallback = providers.some((p) => p.id !== vendor && (db.providerById(p.id)?.apiHosts.length ?? 0) > 0);
  if (fallback) return undefined;
  const refs = api.flatMap((m) => m.references).sort(compareLocations);
  const advice = db.findingRules.get("single-vendor")?.fix;
  const finding: Finding = {
    ...locationOf(refs[0]!),
    rule: "single-vendor",
    level: ruleLevel(db, "single-vendor"),
    message: `all ${refs.length} API model reference${refs.length === 1 ? "" : "s"} (${api.length} model${api.length === 1 ? "" : "s"}) depend on ${vendor} with no fallback provider`,
    provider: vendor!,
  };
  if (advice) finding.fix = advice;
  return finding;
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
