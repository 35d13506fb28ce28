import { isMap, isScalar, parseDocument, Scalar } from "yaml";
import type { SourceFile } from "../../types.js";
import { folderOf, isObject, type LockEntry, type LockResult } from "./lock.js";
import { readPnpmLines, type PackageKey, type PnpmDocument } from "./pnpm-lines.js";

const DEP_FIELDS = ["dependencies", "optionalDependencies", "devDependencies"] as const;

/**
 * Reads pnpm-lock.yaml v5, v6 and v9: `importers` (or the top-level dependency maps of a single-project
 * v5 lockfile) say what each workspace declares; `packages` keys name every resolved package.
 */
export function readPnpmLock(file: SourceFile): LockResult {
  const doc = readPnpmLines(file.text) ?? readPnpmYaml(file.text);
  if ("error" in doc) return doc;
  const { data, packageKeys } = doc;
  if (!isObject(data)) return { error: "pnpm-lock.yaml is not a mapping" };
  if (packageKeys === "not-map") return { error: "\"packages\" is not a mapping" };

  const entries = new Map<string, LockEntry>();
  for (const key of packageKeys ?? []) {
    const parsed = parsePackageKey(key.value);
    if (!parsed) continue;
    const location = { offset: key.offset, length: key.length };
    entries.set(`${parsed.name}@${parsed.version}`, { ...parsed, directOf: [], locate: () => location });
  }

  const importers = isObject(data["importers"]) ? data["importers"] : { ".": data };
  for (const [dir, importer] of Object.entries(importers)) {
    if (!isObject(importer)) return { error: `importers["${dir}"] is not a mapping` };
    const folder = dir === "." ? "" : dir;
    for (const field of DEP_FIELDS) {
      const deps = importer[field];
      if (!isObject(deps)) continue;
      for (const [key, value] of Object.entries(deps)) {
        const raw = isObject(value) ? value["version"] : value;
        if (typeof raw !== "string" || raw.startsWith("link:") || raw.startsWith("file:")) continue;
        const resolved = parseVersionRef(key, raw);
        const entry = entries.get(`${resolved.name}@${resolved.version}`);
        if (entry && !entry.directOf.includes(folder)) entry.directOf.push(folder);
      }
    }
  }
  return { file: file.path, dir: folderOf(file.path), entries: [...entries.values()], source: "pnpm-lock" };
}

/** Any YAML the line reader does not take on: the yaml library's document, reduced to the same shape. */
export function readPnpmYaml(text: string): PnpmDocument | { error: string } {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) return { error: `pnpm-lock.yaml is not valid YAML (${doc.errors[0]!.message.split("\n")[0]})` };
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (!isObject(data)) return { data, packageKeys: undefined };
  const packages = doc.get("packages", true);
  if (packages === undefined) return { data, packageKeys: undefined };
  if (!isMap(packages)) return { data, packageKeys: "not-map" };
  const packageKeys: PackageKey[] = [];
  for (const pair of packages.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const [start, end] = pair.key.range;
    const quoted = pair.key.type === Scalar.QUOTE_SINGLE || pair.key.type === Scalar.QUOTE_DOUBLE;
    packageKeys.push({ value: String(pair.key.value), offset: start + (quoted ? 1 : 0), length: end - start - (quoted ? 2 : 0) });
  }
  return { data, packageKeys };
}

/** `/openai@4.5.0` (v6), `openai@4.5.0(zod@3)` (v9), `/@scope/x/1.0.0_peer@1` (v5) → name and version. */
export function parsePackageKey(key: string): { name: string; version: string } | undefined {
  const bare = key.replace(/^\//, "").replace(/\(.*$/, "");
  const at = bare.lastIndexOf("@");
  if (at > 0) return { name: bare.slice(0, at), version: bare.slice(at + 1) };
  const slash = bare.lastIndexOf("/");
  if (slash <= 0) return undefined;
  return { name: bare.slice(0, slash), version: bare.slice(slash + 1).replace(/_.*$/, "") };
}

/** An importer's `version:` is `4.5.0`, `4.5.0(zod@3)`, `4.5.0_zod@3` (v5), or `openai@4.5.0` for an alias. */
function parseVersionRef(key: string, raw: string): { name: string; version: string } {
  const bare = raw.replace(/\(.*$/, "");
  const at = bare.lastIndexOf("@");
  if (at > 0 && !/^\d/.test(bare)) return { name: bare.slice(0, at).replace(/^\//, ""), version: bare.slice(at + 1) };
  return { name: key, version: bare.replace(/_.*$/, "") };
}
