/**
 * Turns validated rules files (built-in first, then user overlays) into the strict types the core
 * relies on: defaults filled, patterns compiled, overlays applied by id, references checked.
 * Problems are collected, one line each, so `rules check` can list them all.
 */
import type { FactorName, RuleId } from "../types.js";
import { compilePattern } from "./patterns.js";
import { resolveScoringParams } from "./scoring-params.js";
import type { ParsedFile } from "./read.js";
import type { ModelEntry, ScoringEntry } from "./schema.js";
import type { FindingRule, HostRule, IncidentRule, LicenseRule, ModelRule, ProviderRule, RulesDb, ScoringRules } from "./types.js";

export interface Layer {
  isBuiltIn: boolean;
  files: ParsedFile[];
}

export type Built = Pick<RulesDb, "providers" | "models" | "licenses" | "incidents" | "hosts" | "findingRules" | "overrides"> & {
  scoring: Partial<ScoringEntry>;
  errors: string[];
};

type Kind = "providers" | "models" | "licenses" | "incidents" | "hosts" | "findings";
interface Placed<T> { value: T; where: string; origin: string; isBuiltIn: boolean }

/** Entries of one kind by id: duplicates inside a layer are errors, later layers override. */
function collect<T extends { id: string }>(layers: readonly Layer[], kind: Kind, label: string, errors: string[], overrides: string[]): Map<string, Placed<T>> {
  const out = new Map<string, Placed<T>>();
  for (const layer of layers) {
    const seen = new Set<string>();
    for (const file of layer.files) {
      const entries = (file.data[kind] ?? []) as unknown as T[];
      entries.forEach((value, index) => {
        const where = `${file.display}: ${kind}[${index}]`;
        const previous = out.get(value.id);
        if (seen.has(value.id)) {
          errors.push(`${where}.id: duplicate id ${value.id} (also in ${previous?.origin ?? "this folder"})`);
          return;
        }
        seen.add(value.id);
        if (previous) {
          overrides.push(`${file.display}: ${label} ${value.id} overrides ${previous.isBuiltIn ? "built-in entry" : `entry from ${previous.origin}`}`);
        }
        out.set(value.id, { value, where, origin: file.display, isBuiltIn: layer.isBuiltIn });
      });
    }
  }
  return out;
}

export function buildRules(layers: readonly Layer[]): Built {
  const errors: string[] = [];
  const overrides: string[] = [];
  const hosts = new Map([...collect<HostRule>(layers, "hosts", "host", errors, overrides)].map(([id, p]) => [id, p.value]));
  const licenses = new Map([...collect<LicenseRule>(layers, "licenses", "license", errors, overrides)].map(([id, p]) => [id, p.value]));
  const findingRules = new Map([...collect<FindingRule>(layers, "findings", "finding rule", errors, overrides)].map(([id, p]) => [id as RuleId, p.value]));

  const providers: ProviderRule[] = [];
  for (const { value, where } of collect<ProviderRule>(layers, "providers", "provider", errors, overrides).values()) {
    if (!hosts.has(value.host)) errors.push(`${where}.host: unknown host ${value.host} (add it to hosts)`);
    providers.push(value);
  }
  const providerById = new Map(providers.map((p) => [p.id, p]));

  const models: ModelRule[] = [];
  const exactOwner = new Map<string, Placed<ModelEntry>>();
  for (const placed of collect<ModelEntry>(layers, "models", "model", errors, overrides).values()) {
    const model = normalizeModel(placed, providerById, licenses, hosts, errors);
    if (!model) continue;
    for (const id of model.ids) {
      const owner = exactOwner.get(id);
      if (owner && owner.isBuiltIn === placed.isBuiltIn) errors.push(`${placed.where}.aliases: id ${id} is already answered by ${owner.value.id} (${owner.origin})`);
      exactOwner.set(id, placed);
    }
    models.push(model);
  }

  const incidents: IncidentRule[] = [];
  for (const { value, where } of collect<Omit<IncidentRule, "subjects"> & { subjects: string[] }>(layers, "incidents", "incident", errors, overrides).values()) {
    if (!hosts.has(value.host)) errors.push(`${where}.host: unknown host ${value.host} (add it to hosts)`);
    const subjects = tryAll(value.subjects.map((s, i) => () => compilePattern(s, `${where}.subjects[${i}]`, true)), errors);
    if (subjects) incidents.push({ ...value, subjects });
  }
  incidents.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));

  return { providers, models, licenses, incidents, hosts, findingRules, scoring: mergeScoring(layers), overrides, errors };
}

function normalizeModel(
  { value: e, where, origin }: Placed<ModelEntry>,
  providers: ReadonlyMap<string, ProviderRule>,
  licenses: ReadonlyMap<string, LicenseRule>,
  hosts: ReadonlyMap<string, HostRule>,
  errors: string[],
): ModelRule | undefined {
  const provider = providers.get(e.provider);
  const before = errors.length;
  if (!provider) errors.push(`${where}.provider: unknown provider ${e.provider}`);
  if (e.license && !licenses.has(e.license)) errors.push(`${where}.license: unknown license ${e.license}`);
  e.hosts.forEach((h, i) => { if (!hosts.has(h)) errors.push(`${where}.hosts[${i}]: unknown host ${h} (add it to hosts)`); });
  if (e.retires && e.deprecated && e.retires < e.deprecated) errors.push(`${where}.retires: before deprecated (${e.deprecated})`);
  const caseInsensitive = e.caseInsensitive ?? e.kind !== "api";
  let pattern: RegExp | undefined;
  if (e.pattern !== undefined) {
    pattern = tryAll([() => compilePattern(e.pattern!, `${where}.pattern`, caseInsensitive)], errors)?.[0];
  }
  if (errors.length > before || !provider) return undefined;
  const model: ModelRule = {
    id: e.id,
    ids: pattern ? [...e.aliases] : [e.id, ...e.aliases],
    provider: e.provider,
    kind: e.kind,
    hosts: e.hosts.length > 0 ? [...e.hosts] : [provider.host],
    mirrors: e.mirrors.map((m) => ({ ...m })),
    caseInsensitive,
    sources: [...e.sources],
    origin,
  };
  if (pattern) model.pattern = pattern;
  if (e.priority !== 0) model.priority = e.priority;
  if (e.family) model.family = e.family;
  if (e.license) model.license = e.license;
  if (e.snapshot) model.snapshot = e.snapshot;
  if (e.floating !== undefined) model.floating = e.floating;
  if (e.note) model.note = e.note;
  if (e.deprecated || e.retires || e.replacement) {
    model.lifecycle = { sources: e.lifecycleSources.length > 0 ? [...e.lifecycleSources] : [...e.sources] };
    if (e.deprecated) model.lifecycle.deprecated = e.deprecated;
    if (e.retires) model.lifecycle.retires = e.retires;
    if (e.replacement) model.lifecycle.replacement = e.replacement;
  }
  return model;
}

function tryAll<T>(steps: (() => T)[], errors: string[]): T[] | undefined {
  const out: T[] = [];
  for (const step of steps) {
    try {
      out.push(step());
    } catch (error) {
      errors.push((error as Error).message);
      return undefined;
    }
  }
  return out;
}

function mergeScoring(layers: readonly Layer[]): Partial<ScoringEntry> {
  const merged: Required<ScoringEntry> = { weights: {}, levels: {}, params: {} };
  for (const layer of layers) {
    for (const file of layer.files) {
      const s = file.data.scoring;
      if (!s) continue;
      Object.assign(merged.weights, s.weights);
      Object.assign(merged.levels, s.levels);
      Object.assign(merged.params, s.params);
    }
  }
  return merged;
}

/** The complete scoring table, or the first missing key as an error. */
export function completeScoring(scoring: Partial<ScoringEntry>, factors: readonly FactorName[], errors: string[]): ScoringRules | undefined {
  const weights: Partial<Record<FactorName, number>> = {};
  for (const factor of factors) {
    const w = scoring.weights?.[factor];
    if (w === undefined) errors.push(`rules/scoring.yaml: scoring.weights.${factor}: missing`);
    else weights[factor] = w;
  }
  const levels = scoring.levels ?? {};
  for (const level of ["low", "medium", "high", "critical"] as const) {
    if (levels[level] === undefined) errors.push(`rules/scoring.yaml: scoring.levels.${level}: missing`);
  }
  if (errors.length > 0) return undefined;
  const params = Object.fromEntries(Object.entries(scoring.params ?? {}).map(([k, v]) => [k, v.value]));
  let resolved: ScoringRules["resolved"];
  try {
    resolved = resolveScoringParams(params);
  } catch (error) {
    errors.push((error as Error).message);
    return undefined;
  }
  return { weights: weights as Record<FactorName, number>, levels: levels as ScoringRules["levels"], params, resolved };
}
