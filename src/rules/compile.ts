/**
 * Compiles rules folders into plain data: reads YAML (validated by schema), applies overlays by id
 * and merges retirement feeds. Loads `yaml` and `zod`, so start-up avoids it when a fresh snapshot
 * of the built-in rules exists (see snapshot.ts).
 */
import { resolve } from "node:path";
import { FACTORS } from "../types.js";
import { buildRules, completeScoring, type Layer } from "./build.js";
import { RulesError } from "./errors.js";
import { mergeFeed, parseFeed, type Feed } from "./feeds.js";
import { hashFiles } from "./files.js";
import { displayPath, listFiles, parseRulesFile, readText, type ParsedFile, type ReadFile } from "./read.js";
import type { CompiledRules, LoadOptions } from "./load.js";
import { BUILT_IN_RULES_DIR, YAML_EXTENSIONS } from "./files.js";

export async function compileRules(options: LoadOptions = {}): Promise<CompiledRules> {
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

  return {
    version: hashFiles(hashed),
    providers: built.providers,
    models: built.models,
    licenses: built.licenses,
    incidents: built.incidents,
    hosts: built.hosts,
    findingRules: built.findingRules,
    scoring,
    overrides: built.overrides,
  };
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

