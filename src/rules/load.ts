/**
 * Loads the rules database: the built-in `rules/` folder, user overlays (`--rules DIR`) that add or
 * override entries by id, and retirement feeds (`rules/feeds/*.json`, `--feeds DIR`).
 * Nothing here touches the network or the scanned project.
 */
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { FACTORS } from "../types.js";
import { buildRules, completeScoring, type Layer } from "./build.js";
import { RulesError } from "./errors.js";
import { mergeFeed, parseFeed, type Feed } from "./feeds.js";
import { buildModelIndex } from "./lookup.js";
import { displayPath, listFiles, parseRulesFile, readText, type ParsedFile, type ReadFile } from "./read.js";
import type { IncidentRule, RulesDb } from "./types.js";

export { RulesError } from "./errors.js";
export { assertSafePattern } from "./patterns.js";

export interface LoadOptions {
  /** User rules folders (or files), applied in order after the built-in rules. */
  extraDirs?: string[];
  /** Folders of `model-eol/0.1` feeds whose dates override the rules. */
  feedDirs?: string[];
}

/** The built-in rules folder, next to `src/` or `dist/` in the package. */
export const BUILT_IN_RULES_DIR = fileURLToPath(new URL("../../rules/", import.meta.url));

const YAML_EXTENSIONS = [".yaml", ".yml"];

export async function loadRules(options: LoadOptions = {}): Promise<RulesDb> {
  const hashed: ReadFile[] = [];
  const layers: Layer[] = [await readLayer(BUILT_IN_RULES_DIR, "rules", true, hashed)];
  for (const dir of options.extraDirs ?? []) layers.push(await readLayer(resolve(dir), undefined, false, hashed));

  const built = buildRules(layers);
  const scoring = completeScoring(built.scoring, FACTORS, built.errors);
  if (built.errors.length > 0 || !scoring) throw new RulesError(built.errors[0] ?? "rules: scoring is incomplete");

  const builtInFeeds = await readFeeds(resolve(BUILT_IN_RULES_DIR, "feeds"), "rules/feeds", hashed);
  for (const feed of builtInFeeds) mergeFeed(feed, built.models, built.providers, built.licenses, false);
  for (const dir of options.feedDirs ?? []) {
    for (const feed of await readFeeds(resolve(dir), undefined, hashed)) mergeFeed(feed, built.models, built.providers, built.licenses, true);
  }

  const index = buildModelIndex(built.models, built.providers);
  const providerById = new Map(built.providers.map((p) => [p.id, p]));
  const providerKeys = indexProviders(built.providers);
  const incidentMemo = new Map<string, IncidentRule[]>();

  const db: RulesDb = {
    version: hashFiles(hashed),
    providers: built.providers,
    models: built.models,
    licenses: built.licenses,
    incidents: built.incidents,
    hosts: built.hosts,
    findingRules: built.findingRules,
    scoring,
    overrides: built.overrides,
    lookupModel: (id) => index.lookup(id.trim()),
    providerById: (id) => providerById.get(id),
    providerFor: (kind, name) => providerKeys.get(`${kind}\0${normalizeKey(kind, name)}`),
    incidentsFor(modelId) {
      const cached = incidentMemo.get(modelId);
      if (cached) return cached;
      const rule = index.lookup(modelId.trim());
      const names = [modelId.trim(), ...(rule && !rule.pattern ? rule.ids : [])];
      const found = built.incidents.filter((incident) => incident.subjects.some((s) => names.some((n) => s.test(n))));
      incidentMemo.set(modelId, found);
      return found;
    },
  };
  return db;
}

async function readLayer(dir: string, label: string | undefined, isBuiltIn: boolean, hashed: ReadFile[]): Promise<Layer> {
  const files: ParsedFile[] = [];
  const paths = await listFiles(dir, YAML_EXTENSIONS, ["feeds"]).catch(() => {
    throw new RulesError(`${displayPath(dir, dir, label)}: rules folder not found or not readable`);
  });
  for (const path of paths) {
    const text = await readText(path, displayPath(path, dir, label));
    if (typeof text === "string") throw new RulesError(text);
    hashed.push(text);
    const { parsed, errors } = parseRulesFile(text);
    if (!parsed) throw new RulesError(errors[0]!);
    files.push(parsed);
  }
  return { isBuiltIn, files };
}

async function readFeeds(dir: string, label: string | undefined, hashed: ReadFile[]): Promise<Feed[]> {
  const paths = await listFiles(dir, [".json"]).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT" && label !== undefined) return [];
    throw new RulesError(`${displayPath(dir, dir, label)}: feeds folder not found or not readable`);
  });
  const feeds: Feed[] = [];
  for (const path of paths) {
    const text = await readText(path, displayPath(path, dir, label));
    if (typeof text === "string") throw new RulesError(text);
    hashed.push(text);
    const { feed, errors } = parseFeed(text);
    if (!feed) throw new RulesError(errors[0]!);
    feeds.push(feed);
  }
  return feeds;
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

function hashFiles(files: readonly ReadFile[]): string {
  const hash = createHash("sha256");
  for (const file of [...files].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0))) {
    hash.update(file.display).update("\0").update(file.text).update("\0");
  }
  return hash.digest("hex").slice(0, 12);
}
