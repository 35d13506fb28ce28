/**
 * Providers used in code versus providers declared in manifests. Only judged for an ecosystem
 * whose manifest the scan saw (a provider dependency in it), because without a manifest there is
 * nothing to compare against and every SDK import would look undeclared.
 */
import { compareLocations } from "../resolve/order.js";
import type { RulesDb } from "../rules/types.js";
import type { DetectorName, Finding, Location, ReportModel, ReportProvider, RuleId } from "../types.js";
import { locationOf, ruleLevel } from "./findings.js";

type Ecosystem = "npm" | "pypi";

const CODE_ECOSYSTEM: Partial<Record<DetectorName, Ecosystem>> = { typescript: "npm", python: "pypi", notebook: "pypi" };

export function providerFindings(models: readonly ReportModel[], providers: readonly ReportProvider[], db: RulesDb): Finding[] {
  const declared = new Map<string, Location & { ecosystem: Ecosystem; name: string }>();
  const manifests = new Set<Ecosystem>();
  const used = new Map<string, Location>();
  const note = (key: string, loc: Location): void => {
    const seen = used.get(key);
    if (!seen || compareLocations(loc, seen) < 0) used.set(key, loc);
  };
  for (const provider of providers) {
    for (const ref of provider.references) {
      if (ref.dependency) {
        manifests.add(ref.dependency.ecosystem);
        const key = `${provider.id}\0${ref.dependency.ecosystem}`;
        if (ref.dependency.direct && !declared.has(key)) declared.set(key, { ...locationOf(ref), ecosystem: ref.dependency.ecosystem, name: ref.dependency.name });
        continue;
      }
      const eco = CODE_ECOSYSTEM[ref.detector];
      if (eco) note(`${provider.id}\0${eco}`, ref);
    }
  }
  for (const model of models) {
    if (!model.provider || model.kind === "weights") continue;
    for (const ref of model.references) {
      const eco = CODE_ECOSYSTEM[ref.detector];
      if (eco && ref.via) note(`${model.provider}\0${eco}`, ref);
    }
  }
  const out: Finding[] = [];
  for (const [key, loc] of [...used.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [provider, eco] = key.split("\0") as [string, Ecosystem];
    const sdks = db.providerById(provider)?.sdks[eco] ?? [];
    if (!manifests.has(eco) || sdks.length === 0 || declared.has(key)) continue;
    out.push(make("undeclared-provider", loc, db, provider, `${provider} is called here but no ${eco} manifest declares its SDK (${sdks.join(", ")})`));
  }
  const usedProviders = new Set([...used.keys()].map((k) => k.split("\0")[0]!));
  for (const m of models) if (m.provider) usedProviders.add(m.provider);
  for (const [key, dep] of [...declared.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const provider = key.split("\0")[0]!;
    if (usedProviders.has(provider)) continue;
    out.push(make("unused-provider-dependency", dep, db, provider, `${dep.name} (${provider}) is a direct ${dep.ecosystem} dependency but no scanned code uses ${provider}`));
  }
  return out;
}

function make(rule: RuleId, loc: Location, db: RulesDb, provider: string, what: string): Finding {
  const advice = db.findingRules.get(rule)?.fix;
  const finding: Finding = {
    ...locationOf(loc),
    rule,
    level: ruleLevel(db, rule),
    message: `${what}`,
    provider,
  };
  if (advice) finding.fix = advice;
  return finding;
}
