/** The rules database after validation and normalisation: what the core relies on. */
import type { ScoringParams } from "./scoring-params.js";
import type { Level, LicenseClass, ModelKind, RuleId, FactorName } from "../types.js";

export interface ProviderRule {
  id: string;
  name: string;
  /** Hostnames of the provider's APIs, lower case (`api.openai.com`, `localhost:11434`). */
  apiHosts: string[];
  sdks: { npm: string[]; pypi: string[] };
  envVars: string[];
  /** Where this provider's models are served from, for concentration (`api.openai.com`, `huggingface.co`). */
  host: string;
  /** Routing prefixes other tools put before this provider's model ids (`openai/`, `anthropic.`). */
  prefixes?: string[];
  sources: string[];
}

export interface LicenseRule {
  id: string;
  name: string;
  spdx?: string;
  class: LicenseClass;
  terms: {
    commercialUse: "yes" | "no" | "conditional" | "unknown";
    /** Monthly-active-user cap above which a separate licence is needed. */
    userCap?: number;
    attribution?: boolean;
    acceptableUsePolicy?: boolean;
    outputTrainingBan?: boolean;
    /** Annual revenue (USD) above which a separate licence is needed. */
    revenueCap?: number;
  };
  /** Key terms in one or two plain sentences. */
  summary?: string;
  url?: string;
  sources: string[];
}

export interface LifecycleRule {
  /** Deprecation announced (YYYY-MM-DD). */
  deprecated?: string;
  /** Shutdown date (YYYY-MM-DD): requests fail from this day. */
  retires?: string;
  replacement?: string;
  sources: string[];
}

export interface Mirror {
  url: string;
  official: boolean;
}

export interface ModelRule {
  /** Canonical id (`gpt-4o-2024-08-06`, `meta-llama/Llama-3.1-8B-Instruct`) or a family id for pattern entries. */
  id: string;
  /** Exact ids this entry answers to (canonical id first, then aliases). */
  ids: string[];
  /** Anchored, linear-time pattern for families (`^Qwen/Qwen2\.5-(0\.5|1\.5|7|14|32|72)B(-.*)?$`). */
  pattern?: RegExp;
  provider: string;
  kind: ModelKind;
  family?: string;
  license?: string;
  /** Hosts that serve this model (`huggingface.co`, `api.openai.com`). */
  hosts: string[];
  mirrors: Mirror[];
  lifecycle?: LifecycleRule;
  /** For a floating alias: the dated snapshot it currently points to. */
  snapshot?: string;
  /** True when this id is an alias that moves (has or had dated snapshots). */
  floating?: boolean;
  /** Hub ids compare case-insensitively, API ids exactly. */
  caseInsensitive: boolean;
  sources: string[];
  /** rules file it came from, for messages and overrides. */
  origin: string;
  /** Among matching patterns the highest priority wins, then the longest pattern source. */
  priority?: number;
  /** A caveat worth showing next to the facts (conflicting sources, distilled from another family). */
  note?: string;
}

export interface IncidentRule {
  id: string;
  date: string;
  /** `month` when only the month is known (`date` then holds its first day). */
  datePrecision?: "day" | "month";
  host: string;
  kind: "takedown" | "deletion" | "org-suspension" | "withdrawal" | "dmca" | "gating" | "license-change";
  /** Anchored patterns over model ids or `org/*`, compared case-insensitively. */
  subjects: RegExp[];
  summary: string;
  restored: boolean | "unknown";
  mirrors: Mirror[];
  sources: string[];
}

export interface HostRule {
  id: string;
  name: string;
  kind: "hub" | "api" | "registry" | "code";
  sources: string[];
}

export interface FindingRule {
  id: RuleId;
  name: string;
  summary: string;
  why: string;
  fix: string;
  level: Level;
  helpUri?: string;
  /** A short example of code that triggers the rule and its fix, for SARIF help and docs. */
  example?: string;
}

export interface ScoringRules {
  weights: Record<FactorName, number>;
  /** Lower bound of each level on the 0–100 score (`low: 1`, `medium: 25` …). */
  levels: Record<Exclude<Level, "none">, number>;
  /** Further knobs of the risk engine from `params:` in rules/scoring.yaml (value only; the doc stays in the file). */
  params?: Record<string, number | string | boolean>;
  /** `params` validated and nested, as the risk engine reads them. */
  resolved: ScoringParams;
  [key: string]: unknown;
}

export interface RulesDb {
  /** Content hash of every loaded file, for caches and reports. */
  version: string;
  providers: ProviderRule[];
  models: ModelRule[];
  licenses: Map<string, LicenseRule>;
  incidents: IncidentRule[];
  hosts: Map<string, HostRule>;
  findingRules: Map<RuleId, FindingRule>;
  scoring: ScoringRules;
  /** Messages about user overlays that replaced an entry by id (for --verbose). */
  overrides: string[];
  lookupModel(id: string): ModelRule | undefined;
  providerById(id: string): ProviderRule | undefined;
  providerFor(kind: "npm" | "pypi" | "host" | "env", name: string): string | undefined;
  incidentsFor(modelId: string): IncidentRule[];
}
