import type { SourceFile } from "../../types.js";
import type { Manifest } from "./manifest.js";
import { folderOf, type LockEntry, type LockResult } from "./lock.js";

interface YarnEntry extends LockEntry {
  descriptors: string[];
}

/**
 * Reads yarn.lock, classic (v1) and berry alike: both put one entry per unindented header line listing
 * its descriptors (`"openai@^4.0.0", openai@^4.2.0:` or `"openai@npm:^4.0.0":`) and an indented
 * `version`. Direct dependencies are the entries whose descriptors match a package.json spec.
 */
export function readYarnLock(file: SourceFile, manifests: readonly Manifest[]): LockResult {
  const entries: YarnEntry[] = [];
  const byDescriptor = new Map<string, YarnEntry>();
  let current: YarnEntry | undefined;
  let offset = 0;
  for (const line of file.text.split("\n")) {
    const start = offset;
    offset += line.length + 1;
    const trimmed = line.trimEnd();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    if (!/^\s/.test(trimmed)) {
      current = undefined;
      if (!trimmed.endsWith(":")) return { error: `yarn.lock: unexpected line "${trimmed.slice(0, 60)}"` };
      const descriptors = trimmed.slice(0, -1).split(",").map((d) => d.trim().replace(/^"|"$/g, ""));
      const first = descriptors[0] ?? "";
      if (first === "__metadata" || descriptors.some((d) => d.includes("@workspace:"))) continue;
      const name = targetName(first);
      if (!name) return { error: `yarn.lock: cannot read the entry "${first.slice(0, 60)}"` };
      const keyOffset = start + line.indexOf(first) + Math.max(0, first.indexOf(name));
      current = { name, descriptors, directOf: [], locate: () => ({ offset: keyOffset, length: name.length }) };
      entries.push(current);
      for (const d of descriptors) byDescriptor.set(d, current);
      continue;
    }
    const version = /^\s+version:?\s+"?([^"\s]+)"?$/.exec(trimmed);
    if (current && version) current.version = version[1];
  }

  const dir = folderOf(file.path);
  for (const manifest of manifests) {
    const importer = relativeFolder(dir, manifest.dir);
    if (importer === undefined) continue;
    for (const dep of manifest.deps) {
      const entry = byDescriptor.get(`${dep.key}@${dep.spec}`) ?? byDescriptor.get(`${dep.key}@npm:${dep.spec}`);
      if (entry && !entry.directOf.includes(importer)) entry.directOf.push(importer);
    }
  }
  return { file: file.path, dir, entries, source: "yarn-lock" };
}

/** `openai@^4` → openai; `@scope/x@npm:^1` → @scope/x; `alias@npm:openai@^4` → openai. */
function targetName(descriptor: string): string | undefined {
  const at = descriptor.indexOf("@", 1);
  if (at < 0) return undefined;
  const range = descriptor.slice(at + 1);
  if (range.startsWith("npm:") && range.indexOf("@", 5) > 0) return range.slice(4, range.indexOf("@", 5));
  return descriptor.slice(0, at);
}

function relativeFolder(base: string, dir: string): string | undefined {
  if (base === "") return dir;
  if (dir === base) return "";
  return dir.startsWith(`${base}/`) ? dir.slice(base.length + 1) : undefined;
}
