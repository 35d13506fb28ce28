import type { RulesDb, ModelRule } from "../rules/types.js";
import type {
  Lifecycle, Mention, ModelKind, ModelMention, ProviderMention, ReportModel, ReportProvider, ReportReference,
} from "../types.js";
import { compareLocations, uniqueSorted } from "./order.js";

export interface Resolved {
  models: ReportModel[];
  providers: ReportProvider[];
  /** Model positions whose value could not be read statically. */
  dynamic: ReportReference[];
}

/** Matches each mention against the rules database; facts attach here, judgements come later. */
export function resolveMentions(mentions: readonly Mention[], db: RulesDb, asOf: string): Resolved {
  const groups = new Map<string, { rule: ModelRule | undefined; mentions: ModelMention[] }>();
  const dynamic: ReportReference[] = [];
  const providerMentions = new Map<string, ProviderMention[]>();

  for (const mention of dedupe(mentions)) {
    if (mention.kind === "provider") {
      const list = providerMentions.get(mention.value) ?? [];
      list.push(mention);
      providerMentions.set(mention.value, list);
      continue;
    }
    if (mention.dynamic) {
      dynamic.push(toReference(mention));
      continue;
    }
    const value = mention.value.trim();
    const rule = db.lookupModel(value);
    if (!rule && mention.evidence === "literal") continue;
    const key = groupKey(value, rule);
    const group = groups.get(key) ?? { rule, mentions: [] };
    group.mentions.push({ ...mention, value });
    groups.set(key, group);
  }

  const models = [...groups.values()].map(({ rule, mentions: list }) => buildModel(rule, list, db, asOf));
  models.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const providers = [...providerMentions.entries()].map(([id, list]) => buildProvider(id, list, db));
  providers.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { models, providers, dynamic: dynamic.sort(compareLocations) };
}

/** Hub ids compare case-insensitively (Hugging Face does), API ids exactly. */
function groupKey(value: string, rule: ModelRule | undefined): string {
  return rule?.caseInsensitive || (!rule && value.includes("/")) ? value.toLowerCase() : value;
}

function buildModel(rule: ModelRule | undefined, mentions: ModelMention[], db: RulesDb, asOf: string): ReportModel {
  const references = mentions.map(toReference).sort(compareLocations);
  const written = uniqueSorted(mentions.map((m) => m.value));
  const id = written[0]!;
  const hint = mentions.map((m) => m.providerHint).find((h) => h !== undefined);
  const license = rule?.license ? db.licenses.get(rule.license) : undefined;
  const incidents = db.incidentsFor(id);
  const lifecycle = rule?.lifecycle ? lifecycleAt(rule.lifecycle, asOf) : undefined;
  const provider = rule?.provider ?? hint ?? (id.includes("/") ? "huggingface" : undefined);
  const providerRule = provider ? db.providerById(provider) : undefined;
  const hosts = rule?.hosts.length ? rule.hosts : providerRule ? [providerRule.host] : [];
  const model: ReportModel = {
    id,
    known: rule !== undefined,
    hosts: uniqueSorted(hosts),
    incidents: incidents.map((i) => i.id).sort(),
    sources: uniqueSorted([
      ...(rule?.sources ?? []),
      ...(license?.sources ?? []),
      ...(lifecycle?.sources ?? []),
      ...incidents.flatMap((i) => i.sources),
    ]),
    references,
  };
  if (rule && rule.ids[0] !== id && rule.id !== id) model.canonical = rule.pattern ? rule.id : rule.ids[0];
  if (provider) model.provider = provider;
  const kind = rule?.kind ?? guessKind(id, hint);
  if (kind) model.kind = kind;
  if (rule?.family) model.family = rule.family;
  if (rule?.license) model.license = rule.license;
  if (license) model.licenseClass = license.class;
  else if (rule) model.licenseClass = "unknown";
  if (lifecycle) model.lifecycle = lifecycle;
  return model;
}

function guessKind(id: string, hint: string | undefined): ModelKind | undefined {
  if (hint === "ollama") return "local";
  if (id.includes("/")) return "weights";
  return hint ? "api" : undefined;
}

/** Where a model stands on `asOf`: retired on or after its shutdown day, retiring once announced. */
export function lifecycleAt(rule: NonNullable<ModelRule["lifecycle"]>, asOf: string): Lifecycle {
  const status: Lifecycle["status"] =
    rule.retires && rule.retires <= asOf ? "retired"
    : rule.retires ? "retiring"
    : rule.deprecated && rule.deprecated <= asOf ? "deprecated"
    : "active";
  const out: Lifecycle = { status, sources: [...rule.sources] };
  if (rule.deprecated) out.deprecated = rule.deprecated;
  if (rule.retires) out.retires = rule.retires;
  if (rule.replacement) out.replacement = rule.replacement;
  return out;
}

function buildProvider(id: string, mentions: ProviderMention[], db: RulesDb): ReportProvider {
  const rule = db.providerById(id);
  const provider: ReportProvider = {
    id,
    known: rule !== undefined,
    references: mentions
      .map((m) => {
        const ref: ReportProvider["references"][number] = {
          file: m.file, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn,
          text: m.text, detector: m.detector, via: m.via,
        };
        if (m.dependency) ref.dependency = m.dependency;
        return ref;
      })
      .sort(compareLocations),
  };
  if (rule) provider.name = rule.name;
  return provider;
}

function toReference(m: ModelMention): ReportReference {
  const ref: ReportReference = {
    file: m.file, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn,
    text: m.text, detector: m.detector,
  };
  if (m.via) ref.via = m.via;
  if (m.revision) ref.revision = m.revision;
  if (m.dynamic) ref.dynamic = true;
  if (m.usedAt?.length) ref.usedAt = [...m.usedAt].sort(compareLocations);
  return ref;
}

const EVIDENCE_RANK = { "model-position": 0, url: 1, literal: 2 } as const;

/**
 * Two detectors (or two passes of one) may see the same place: a URL in code, a routed id
 * `gemini/gemini-1.5-flash` read once whole and once without its prefix. Where model spans overlap,
 * the strongest evidence keeps the place; ties go to detector order.
 */
function dedupe(mentions: readonly Mention[]): Mention[] {
  const ranked = mentions
    .map((m, i) => ({ m, i }))
    .sort((a, b) => rank(a.m) - rank(b.m) || a.i - b.i);
  const kept = new Map<string, Mention[]>();
  const out: { m: Mention; i: number }[] = [];
  for (const entry of ranked) {
    const { m } = entry;
    const key = `${m.kind}\0${m.file}\0${m.line}`;
    const same = kept.get(key) ?? [];
    const clash = same.some((k) =>
      m.kind === "provider"
        ? k.column === m.column && k.value === m.value
        : k.endLine === m.endLine && k.column < m.endColumn && m.column < k.endColumn,
    );
    if (clash) continue;
    same.push(m);
    kept.set(key, same);
    out.push(entry);
  }
  return out.sort((a, b) => a.i - b.i).map((e) => e.m);
}

function rank(m: Mention): number {
  return m.kind === "model" ? EVIDENCE_RANK[m.evidence] : 0;
}
