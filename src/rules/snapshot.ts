/**
 * A snapshot of the compiled built-in rules, written at build time (`scripts/compile-rules.mjs`) so
 * that start-up reads one JSON file instead of parsing and validating every YAML file. It is used
 * only while its version equals the hash of the rules files on disk, so an edited rule is never
 * shadowed by a stale snapshot.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import { hashFiles, readBuiltInFiles } from "./files.js";
import type { CompiledRules } from "./load.js";

/**
 * Next to the compiled `rules/` module: `dist/rules-snapshot.bin`, in V8's serialization format,
 * which keeps patterns and maps as they are and reads back ~4× faster than JSON with a reviver.
 */
export const SNAPSHOT_PATH = fileURLToPath(new URL("../rules-snapshot.bin", import.meta.url));

export function serializeRules(rules: CompiledRules): Buffer {
  return serialize(rules);
}

export function deserializeRules(data: Buffer): CompiledRules {
  return deserialize(data) as CompiledRules;
}

/** The snapshot when it exists, reads back, and matches the rules files; undefined otherwise. */
export async function readSnapshot(): Promise<CompiledRules | undefined> {
  let rules: CompiledRules;
  try {
    rules = deserializeRules(readFileSync(SNAPSHOT_PATH));
  } catch {
    return undefined; // none, or written by a Node whose format this one cannot read
  }
  return rules?.version === hashFiles(readBuiltInFiles()) ? rules : undefined;
}
