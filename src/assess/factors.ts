/**
 * Facts → factors. Each function reads one aspect of a resolved model and returns a severity in
 * [0,1] with the reason and sources behind it, or undefined when the aspect does not apply
 * (no licence factor for an id the database does not know: we do not guess one).
 */
import type { IncidentRule, ModelRule, RulesDb } from "../rules/types.js";
import type { Factor, FactorName, ReportModel } from "../types.js";
import { daysBetween } from "./dates.js";
import type { ScoringParams } from "./params.js";

export interface FactorInput {
  model: ReportModel;
  rule: ModelRule | undefined;
  db: RulesDb;
  params: ScoringParams;
  asOf: string;
}

type Draft = Omit<Factor, "weight" | "name">;

const REMOVAL_KINDS = new Set<IncidentRule["kind"]>(["takedown", "deletion", "org-suspension", "withdrawal", "dmca"]);
const HEX40 = /^[0-9a-f]{40}$/i;

export function licenseFactor({ model, db, params }: FactorInput): Draft | undefined {
  if (!model.known) return undefined;
  const license = model.license ? db.licenses.get(model.license) : undefined;
  if (!license) {
    const what = model.license ? `licence '${model.license}' is not in the database` : "no licence is recorded";
    return { score: params.license.classes.unknown, reason: `${what}: terms unknown`, sources: model.sources.slice(0, 1) };
  }
  const terms: string[] = [];
  if (license.terms.userCap) terms.push(`a ${license.terms.userCap.toLocaleString("en-US")} monthly-active-user cap`);
  if (license.terms.outputTrainingBan) terms.push("a ban on using outputs to train other models");
  const base = params.license.classes[license.class];
  const extra = license.class === "permissive" ? 0 : Math.min(params.license.termsCap, terms.length * params.license.perTerm);
  const withTerms = terms.length ? ` with ${terms.join(" and ")}` : "";
  return {
    score: Math.min(1, base + extra),
    reason: `${license.name} (${license.class}${license.terms.commercialUse === "no" ? ", no commercial use" : ""})${withTerms}`,
    sources: [...license.sources],
  };
}

export function retirementFactor({ model, params, asOf }: FactorInput): Draft | undefined {
  const life = model.lifecycle;
  if (!life || !model.known) return undefined;
  const instead = life.replacement ? `; replacement: ${life.replacement}` : "";
  const sources = [...life.sources];
  if (life.retires) {
    const days = daysBetween(asOf, life.retires) ?? 0;
    if (days <= 0) return { score: params.retirement.retired, reason: `retired on ${life.retires}${instead}`, sources };
    const soon = days <= params.retirement.soonDays;
    return {
      score: soon ? params.retirement.soon : params.retirement.later,
      reason: `retires on ${life.retires}, in ${days} day${days === 1 ? "" : "s"}${instead}`,
      sources,
    };
  }
  if (life.deprecated && life.deprecated <= asOf) {
    return { score: params.retirement.deprecated, reason: `deprecated since ${life.deprecated}${instead}`, sources };
  }
  return { score: 0, reason: "no deprecation or retirement announced", sources };
}

export function takedownFactor({ model, db, params, asOf }: FactorInput): Draft | undefined {
  const incidents = incidentsOf(model, db, asOf);
  if (incidents.length === 0) return undefined;
  let keep = 1;
  const parts: string[] = [];
  for (const incident of incidents) {
    const kind = params.takedown.kinds[incident.kind] ?? 1;
    const age = Math.max(0, daysBetween(incident.date, asOf) ?? 0);
    const recency = 0.5 ** (age / params.takedown.halfLifeDays);
    // A removal that was never undone is not history: the model is gone from that host today.
    const weight =
      incident.restored === false ? 1
      : incident.restored === true ? recency * params.takedown.restored
      : recency * params.takedown.restoredUnknown;
    keep *= 1 - kind * weight;
    const state = incident.restored === true ? "restored" : incident.restored === false ? "not restored" : "restoration unknown";
    parts.push(`${incident.kind} on ${incident.host} (${incident.date}, ${state}): ${incident.summary}`);
  }
  return { score: 1 - keep, reason: parts.join("; "), sources: incidents.flatMap((i) => i.sources) };
}

export function availabilityFactor({ model, rule, db, params, asOf }: FactorInput): Draft | undefined {
  if (model.kind !== "weights" && model.kind !== "local") return undefined;
  const removal = incidentsOf(model, db, asOf).find((i) => REMOVAL_KINDS.has(i.kind) && i.restored === false);
  const mirrors = [...(rule?.mirrors ?? []), ...(removal?.mirrors ?? [])];
  const official = mirrors.filter((m) => m.official);
  if (removal) {
    const sources = [...removal.sources];
    if (official.length) {
      return { score: params.availability.removedOfficialMirror, reason: `removed from ${removal.host}; official copy at ${official[0]!.url}`, sources };
    }
    if (mirrors.length) {
      const names = mirrors.slice(0, 3).map((m) => m.url).join(", ");
      return { score: params.availability.removedUnofficialMirrors, reason: `removed from ${removal.host}; only unofficial mirrors remain (${names})`, sources };
    }
    return { score: params.availability.removedNoMirror, reason: `removed from ${removal.host}; no known mirror`, sources };
  }
  if (model.hosts.length <= 1 && official.length === 0) {
    const host = model.hosts[0] ?? "an unknown host";
    return { score: params.availability.singleHost, reason: `served only from ${host}, no known official mirror`, sources: [] };
  }
  return { score: 0, reason: `available from ${[...model.hosts, ...official.map((m) => m.url)].join(", ")}`, sources: [] };
}

/** `gpt-4o-2024-08-06`, `claude-3-5-sonnet-20240620`, `mistral-large-2407`: a dated snapshot suffix. */
const SNAPSHOT_SUFFIX = /^-(?:\d{4}-\d{2}-\d{2}|\d{8}|\d{4})$/;
const snapshotMemo = new WeakMap<RulesDb, Map<string, string[]>>();

/** The dated snapshots the database lists for an alias, newest id last. */
export function datedSnapshots(db: RulesDb, alias: string, provider: string): string[] {
  let memo = snapshotMemo.get(db);
  if (!memo) snapshotMemo.set(db, (memo = new Map()));
  let found = memo.get(alias);
  if (!found) {
    found = db.models
      .filter((m) => m.provider === provider && m.id.startsWith(`${alias}-`) && SNAPSHOT_SUFFIX.test(m.id.slice(alias.length)))
      .map((m) => m.id)
      .sort();
    memo.set(alias, found);
  }
  return found;
}

export function pinningFactor({ model, rule, params, db }: FactorInput): Draft | undefined {
  if (model.kind === "weights") {
    const loose = model.references.filter((r) => !r.revision || !HEX40.test(r.revision));
    if (loose.length === 0) return { score: 0, reason: "every reference pins a commit revision", sources: [] };
    const where = loose.map((r) => `${r.file}:${r.line}`).slice(0, 3).join(", ");
    return {
      score: params.pinning.unpinnedRevision,
      reason: `${loose.length} of ${model.references.length} reference${model.references.length === 1 ? "" : "s"} load without a commit revision (${where})`,
      sources: [],
    };
  }
  if (model.kind === "api") {
    if (rule?.floating && rule.snapshot) {
      return { score: params.pinning.floatingAlias, reason: `'${model.id}' is a moving alias (now ${rule.snapshot}); pin the dated snapshot`, sources: [...rule.sources] };
    }
    const snapshots = rule?.floating ? datedSnapshots(db, rule.id, rule.provider) : [];
    if (snapshots.length > 0) {
      const listed = snapshots.slice(-3).join(", ");
      return { score: params.pinning.floatingAlias, reason: `'${model.id}' is a moving alias; pin a dated snapshot (${listed})`, sources: [...rule!.sources] };
    }
    return { score: 0, reason: rule?.floating ? "moving alias with no dated snapshot to pin" : "a fixed model id", sources: [] };
  }
  if (model.kind === "local") {
    const tag = model.id.includes(":") ? model.id.slice(model.id.lastIndexOf(":") + 1) : undefined;
    if (!tag || tag === "latest") {
      return { score: params.pinning.floatingTag, reason: tag ? "uses the moving ':latest' tag" : "no tag: pulls ':latest', which moves", sources: [] };
    }
    return { score: 0, reason: `explicit tag ':${tag}'`, sources: [] };
  }
  return undefined;
}

export function unknownFactor({ model, params }: FactorInput): Draft | undefined {
  if (model.known) return undefined;
  return { score: params.unknown.model, reason: "not in the rules database: licence, hosts and lifecycle unknown", sources: [] };
}

export const FACTOR_FUNCTIONS: Record<FactorName, (input: FactorInput) => Draft | undefined> = {
  license: licenseFactor,
  retirement: retirementFactor,
  takedown: takedownFactor,
  availability: availabilityFactor,
  pinning: pinningFactor,
  unknown: unknownFactor,
};

/** Incidents that had happened by `asOf`, oldest first. */
export function incidentsOf(model: ReportModel, db: RulesDb, asOf: string): IncidentRule[] {
  const ids = new Set([model.id, model.canonical].filter((v): v is string => Boolean(v)));
  const seen = new Map<string, IncidentRule>();
  for (const id of ids) for (const i of db.incidentsFor(id)) if (i.date.slice(0, 10) <= asOf) seen.set(i.id, i);
  return [...seen.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
}
