/**
 * A snapshot of the compiled built-in rules, written at build time (`scripts/compile-rules.mjs`) so
 * that start-up reads one JSON file instead of parsing and validating every YAML file. It is used
 * only while its version equals the hash of the rules files on disk, so an edited rule is never
 * shadowed by a stale snapshot.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { hashFiles, readBuiltInFiles } from "./files.js";
import type { CompiledRules } from "./load.js";


/** Next to the compiled `rules/` module: `dist/rules-snapshot.json`. */
export const SNAPSHOT_PATH = fileURLToPath(new URL("../rules-snapshot.json", import.meta.url));

interface SerialRegExp {
  source: string;
  flags: string;
}

export function serializeRules(rules: CompiledRules): string {
  return JSON.stringify(rules, (_key, value: unknown) => {
    if (value instanceof RegExp) return { $regexp: { source: value.source, flags: value.flags } };
    if (value instanceof Map) return { $map: [...value.entries()] };
    return value;
  });
}

export function deserializeRules(text: string): CompiledRules {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === "object") {
      const v = value as { $regexp?: SerialRegExp; $map?: [unknown, unknown][] };
      if (v.$regexp) return new RegExp(v.$regexp.source, v.$regexp.flags);
      if (v.$map) return new Map(v.$map);
    }
    return value;
  }) as CompiledRules;
}

/** The snapshot when it exists and matches the rules files; undefined otherwise. */
export async function readSnapshot(): Promise<CompiledRules | undefined> {
  const text = await readFile(SNAPSHOT_PATH, "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  const version = hashFiles(await readBuiltInFiles());
  const head = /^\{"version":"([0-9a-f]+)"/.exec(text);
  if (head?.[1] !== version) return undefined;
  return deserializeRules(text);
}
