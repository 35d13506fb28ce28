/**
 * Loads the rules database: the built-in `rules/` folder, user overlays (`--rules DIR`) that add or
 * override entries by id, and retirement feeds (`rules/feeds/*.json`, `--feeds DIR`).
 * Nothing here touches the network or the scanned project.
 */
import { buildModelIndex } from "./lookup.js";
import { readSnapshot } from "./snapshot.js";
import type { IncidentRule, RulesDb } from "./types.js";

export { RulesError } from "./errors.js";
export { assertSafePattern } from "./patterns.js";
export { BUILT_IN_RULES_DIR } from "./files.js";

export interface LoadOptions {
  /** User rules folders (or files), applied in order after the built-in rules. */
  extraDirs?: string[];
  /** Folders of `model-eol/0.1` feeds whose dates override the rules. */
  feedDirs?: string[];
}

/** The database as data, before the lookup indexes are built. */
export type CompiledRules = Omit<RulesDb, "lookupModel" | "providerById" | "providerFor" | "incidentsFor">;

/**
 * The built-in rules come from the build's snapshot when it matches the files (no YAML parsing, no
 * schema library at start-up); overlays, feeds or a stale snapshot compile from the files.
 */
export async function loadRules(options: LoadOptions = {}): Promise<RulesDb> {
  const isPlain = !options.extraDirs?.length && !options.feedDirs?.length;
  const snapshot = isPlain ? await readSnapshot() : undefined;
  const compiled = snapshot ?? (await (await import("./compile.js")).compileRules(options));
  return createDb(compiled);
}

function createDb(compiled: CompiledRules): RulesDb {
  const index = buildModelIndex(compiled.models, compiled.providers);
  const providerById = new Map(compiled.providers.map((p) => [p.id, p]));
  const providerKeys = indexProviders(compiled.providers);
  const incidentMemo = new Map<string, IncidentRule[]>();

  const db: RulesDb = {
    version: compiled.version,
    providers: compiled.providers,
    models: compiled.models,
    licenses: compiled.licenses,
    incidents: compiled.incidents,
    hosts: compiled.hosts,
    findingRules: compiled.findingRules,
    scoring: compiled.scoring,
    overrides: compiled.overrides,
    lookupModel: (id) => index.lookup(id.trim()),
    providerById: (id) => providerById.get(id),
    providerFor: (kind, name) => providerKeys.get(`${kind}\0${normalizeKey(kind, name)}`),
    incidentsFor(modelId) {
      const cached = incidentMemo.get(modelId);
      if (cached) return cached;
      const rule = index.lookup(modelId.trim());
      const names = [modelId.trim(), ...(rule && !rule.pattern ? rule.ids : [])];
      const found = compiled.incidents.filter((incident) => incident.subjects.some((s) => names.some((n) => s.test(n))));
      incidentMemo.set(modelId, found);
      return found;
    },
  };
  return db;
}

/** `kind\0name` → provider id; package names and hosts compare lower-case, env vars exactly. */
function indexProviders(providers: RulesDb["providers"]): Map<string, string> {
  const keys = new Map<string, string>();
  const add = (kind: string, name: string, id: string): void => {
    const key = `${kind}\0${name}`;
    // The first provider listed keeps a shared key (`openai` on npm is OpenAI's, not Azure's).
    if (!keys.has(key)) keys.set(key, id);
  };
  for (const p of providers) {
    p.sdks.npm.forEach((n) => add("npm", normalizeKey("npm", n), p.id));
    p.sdks.pypi.forEach((n) => add("pypi", normalizeKey("pypi", n), p.id));
    p.apiHosts.forEach((h) => add("host", normalizeKey("host", h), p.id));
    p.envVars.forEach((v) => add("env", v, p.id));
  }
  return keys;
}

/** PyPI names compare as PEP 503 normalises them (`Google_GenerativeAI` = `google-generativeai`). */
function normalizeKey(kind: "npm" | "pypi" | "host" | "env", name: string): string {
  if (kind === "env") return name;
  if (kind === "pypi") return name.toLowerCase().replace(/[-_.]+/g, "-");
  return name.toLowerCase();
}

