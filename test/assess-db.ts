/**
 * A small hand-made rules database for the assessment tests, with facts and sources taken from
 * the project's reference notes, so the tests do not depend on the shipped rules changing.
 */
import type { FindingRule, IncidentRule, LicenseRule, ModelRule, ProviderRule, RulesDb, ScoringRules } from "../src/rules/types.js";
import { resolveScoringParams } from "../src/rules/scoring-params.js";
import { RULE_IDS, type Level, type ReportModel, type ReportReference, type RuleId } from "../src/types.js";

/** `{ a: { b: 1 } }` → `{ "a.b": 1 }`, the shape rules/scoring.yaml `params:` load into. */
export function flatten(tree: object, prefix = ""): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === "object" && v !== null) Object.assign(out, flatten(v, `${prefix}${k}.`));
    else out[`${prefix}${k}`] = v as number;
  }
  return out;
}

const PARAMS = flatten({
    license: {
      classes: { permissive: 0, copyleft: 0.3, "restricted-commercial": 0.5, "non-commercial": 1, "proprietary-terms": 0.2, unknown: 0.6 },
      perTerm: 0.1,
      termsCap: 0.2,
    },
    retirement: { retired: 1, soonDays: 90, soon: 0.8, later: 0.5, deprecated: 0.5 },
    takedown: {
      kinds: { takedown: 1, deletion: 1, "org-suspension": 1, withdrawal: 1, dmca: 1, gating: 0.3, "license-change": 0.5 },
      halfLifeDays: 730,
      restored: 0.5,
      restoredUnknown: 0.75,
    },
    availability: { singleHost: 0.4, removedOfficialMirror: 0.3, removedUnofficialMirrors: 0.9, removedNoMirror: 1 },
    pinning: { unpinnedRevision: 0.6, floatingAlias: 0.5, floatingTag: 0.5 },
    unknown: { model: 1 },
    concentration: { hhiThreshold: 0.5, minModels: 2 },
    project: { spreadWeight: 0.3, concentrationWeight: 0.15 },
});

export const SCORING: ScoringRules = withParams(PARAMS);

/** Scoring rules as the compiler makes them: the flat params and their validated form. */
export function withParams(params: Record<string, number>): ScoringRules {
  return {
    weights: { license: 0.6, retirement: 0.9, takedown: 0.7, availability: 0.5, pinning: 0.3, unknown: 0.5 },
    levels: { low: 1, medium: 25, high: 50, critical: 75 },
    params,
    resolved: resolveScoringParams(params),
  };
}

const RULE_LEVELS: Partial<Record<RuleId, Level>> = {
  "retired-model": "critical", "retiring-model": "high", "deprecated-model": "medium", "non-commercial-license": "high",
  "restricted-license": "medium", "copyleft-license": "low", "unknown-license": "medium", "takedown-history": "high",
  "single-host": "low", "unpinned-revision": "medium", "floating-alias": "low", "unknown-model": "medium",
  "dynamic-model-reference": "low", "denied-license": "high", "denied-provider": "high", "single-vendor": "medium",
};

const hf = "https://huggingface.co";
const licenses: LicenseRule[] = [
  { id: "apache-2.0", name: "Apache License 2.0", spdx: "Apache-2.0", class: "permissive", terms: { commercialUse: "yes" }, sources: ["https://www.apache.org/licenses/LICENSE-2.0"] },
  { id: "llama3.1", name: "Llama 3.1 Community License", class: "restricted-commercial", terms: { commercialUse: "conditional", userCap: 700_000_000, acceptableUsePolicy: true }, sources: ["https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE"] },
  { id: "tongyi-qianwen", name: "Tongyi Qianwen License Agreement", class: "restricted-commercial", terms: { commercialUse: "conditional", userCap: 100_000_000, outputTrainingBan: true }, sources: ["https://github.com/QwenLM/Qwen/blob/main/Tongyi%20Qianwen%20LICENSE%20AGREEMENT"] },
  { id: "creativeml-openrail-m", name: "CreativeML OpenRAIL-M", class: "restricted-commercial", terms: { commercialUse: "yes", acceptableUsePolicy: true }, sources: [`${hf}/spaces/CompVis/stable-diffusion-license`] },
  { id: "openai-terms", name: "OpenAI Terms of Use", class: "proprietary-terms", terms: { commercialUse: "yes" }, sources: ["https://openai.com/policies/terms-of-use"] },
];

function model(id: string, rest: Partial<ModelRule> & Pick<ModelRule, "provider" | "kind">): ModelRule {
  return { id, ids: [id], hosts: [], mirrors: [], caseInsensitive: id.includes("/"), sources: [`${hf}/${id}`], origin: "test", ...rest };
}

const models: ModelRule[] = [
  model("text-davinci-003", {
    provider: "openai", kind: "api", license: "openai-terms", hosts: ["api.openai.com"], sources: ["https://platform.openai.com/docs/deprecations"],
    lifecycle: { deprecated: "2023-07-06", retires: "2024-01-04", replacement: "gpt-3.5-turbo-instruct", sources: ["https://platform.openai.com/docs/deprecations"] },
  }),
  model("gpt-4o", { provider: "openai", kind: "api", license: "openai-terms", hosts: ["api.openai.com"], floating: true, snapshot: "gpt-4o-2024-08-06", sources: ["https://platform.openai.com/docs/models/gpt-4o"] }),
  model("gpt-4o-2024-08-06", { provider: "openai", kind: "api", license: "openai-terms", hosts: ["api.openai.com"], sources: ["https://platform.openai.com/docs/models/gpt-4o"] }),
  model("claude-3-5-haiku-20241022", { provider: "anthropic", kind: "api", license: "anthropic-terms", hosts: ["api.anthropic.com"] }),
  model("runwayml/stable-diffusion-v1-5", { provider: "huggingface", kind: "weights", license: "creativeml-openrail-m", hosts: ["huggingface.co"] }),
  model("Qwen/Qwen1.5-7B-Chat", { provider: "huggingface", kind: "weights", license: "tongyi-qianwen", hosts: ["huggingface.co", "modelscope.cn"] }),
  model("Qwen/Qwen2.5-7B-Instruct", { provider: "huggingface", kind: "weights", license: "apache-2.0", hosts: ["huggingface.co", "modelscope.cn"] }),
  model("meta-llama/Llama-3.1-8B-Instruct", { provider: "huggingface", kind: "weights", license: "llama3.1", hosts: ["huggingface.co"] }),
];

const incidents: IncidentRule[] = [
  {
    id: "runway-hf-2024-08", date: "2024-08-30", host: "huggingface.co", kind: "deletion", subjects: [/^runwayml\/.*$/i],
    summary: "Runway deleted its Hugging Face organisation", restored: false,
    mirrors: [{ url: `${hf}/stable-diffusion-v1-5/stable-diffusion-v1-5`, official: false }, { url: `${hf}/benjamin-paine/stable-diffusion-v1-5`, official: false }],
    sources: ["https://github.com/huggingface/diffusers/issues/9421"],
  },
  {
    id: "qwen-hf-ms-2023-09", date: "2023-09-12", host: "huggingface.co", kind: "deletion", subjects: [/^qwen\/qwen-7b(-chat)?$/i],
    summary: "Qwen-7B weights disappeared from Hugging Face and ModelScope", restored: true, mirrors: [],
    sources: ["https://github.com/QwenLM/Qwen/issues/295"],
  },
];

const providers: ProviderRule[] = [
  { id: "openai", name: "OpenAI", apiHosts: ["api.openai.com"], sdks: { npm: ["openai"], pypi: ["openai"] }, envVars: ["OPENAI_API_KEY"], host: "api.openai.com", sources: [] },
  { id: "anthropic", name: "Anthropic", apiHosts: ["api.anthropic.com"], sdks: { npm: ["@anthropic-ai/sdk"], pypi: ["anthropic"] }, envVars: [], host: "api.anthropic.com", sources: [] },
  { id: "huggingface", name: "Hugging Face", apiHosts: [], sdks: { npm: ["@huggingface/transformers"], pypi: ["transformers"] }, envVars: ["HF_TOKEN"], host: "huggingface.co", sources: [] },
  { id: "ollama", name: "Ollama", apiHosts: ["localhost:11434"], sdks: { npm: ["ollama"], pypi: ["ollama"] }, envVars: [], host: "registry.ollama.ai", sources: [] },
];

export function makeDb(scoring: ScoringRules = SCORING): RulesDb {
  const findingRules = new Map<RuleId, FindingRule>(
    RULE_IDS.map((id) => [id, { id, name: id, summary: id, why: id, fix: `fix ${id}`, level: RULE_LEVELS[id] ?? "low" }]),
  );
  return {
    version: "test",
    providers,
    models,
    licenses: new Map(licenses.map((l) => [l.id, l])),
    incidents,
    hosts: new Map(),
    findingRules,
    scoring,
    overrides: [],
    lookupModel: (id) => models.find((m) => m.ids.some((x) => (m.caseInsensitive ? x.toLowerCase() === id.toLowerCase() : x === id))),
    providerById: (id) => providers.find((p) => p.id === id),
    providerFor: () => undefined,
    incidentsFor: (id) => incidents.filter((i) => i.subjects.some((s) => s.test(id))),
  };
}

let column = 1;
export function ref(file: string, line: number, text: string, extra: Partial<ReportReference> = {}): ReportReference {
  column = 1;
  return { file, line, column, endLine: line, endColumn: column + text.length, text, detector: "python", ...extra };
}

/** A resolved model as src/resolve builds it, from the hand-made database. */
export function resolvedModel(id: string, references: ReportReference[], db: RulesDb = makeDb()): ReportModel {
  const rule = db.lookupModel(id);
  const license = rule?.license ? db.licenses.get(rule.license) : undefined;
  const m: ReportModel = {
    id,
    known: rule !== undefined,
    hosts: rule?.hosts ?? (id.includes("/") ? ["huggingface.co"] : []),
    incidents: db.incidentsFor(id).map((i) => i.id),
    sources: rule?.sources ?? [],
    references,
  };
  const provider = rule?.provider ?? (id.includes("/") ? "huggingface" : undefined);
  if (provider) m.provider = provider;
  const kind = rule?.kind ?? (id.includes("/") ? "weights" : undefined);
  if (kind) m.kind = kind;
  if (rule?.license) m.license = rule.license;
  if (rule) m.licenseClass = license?.class ?? "unknown";
  if (rule?.lifecycle) {
    const l = rule.lifecycle;
    m.lifecycle = { status: l.retires ? "retired" : "active", sources: l.sources, ...(l.retires ? { retires: l.retires } : {}), ...(l.deprecated ? { deprecated: l.deprecated } : {}), ...(l.replacement ? { replacement: l.replacement } : {}) };
  }
  return m;
}
